from string import Template
try:
    Template('cost: $').substitute()
except ValueError as e:
    print('ValueError', e)
print(Template('$x$y').substitute(x='a', y='b'))
