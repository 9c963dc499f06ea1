import re
m = re.search(r'(é+)(x)', 'caféééx!')
print(m.span(), m.span(1), m.group(1))
print(re.sub(r'é', 'e', 'éé'))
print(re.split(r'ü', 'aüb'))
