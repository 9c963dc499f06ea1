from string import Template
t = Template('$who likes ${what}, $$5')
print(t.substitute(who='tim', what='pie'))
print(Template('$a $b').safe_substitute(a=1))
try:
    Template('$a').substitute({})
except KeyError as e:
    print('KeyError', e)
