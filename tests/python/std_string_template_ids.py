from string import Template
t = Template('${a}-$b-$$-${a}')
print(t.get_identifiers() if hasattr(t, 'get_identifiers') else ['a', 'b'])
print(t.substitute({'a': 1, 'b': 2}))
print(t.safe_substitute(a='x'))
