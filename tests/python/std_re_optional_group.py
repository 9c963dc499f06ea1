import re
m = re.match(r'(a)?(b)', 'b')
print(m.groups())
print(m.group(1))
print(m.groups('-'))
