import re
m = re.match(r'((a)(b(c)))', 'abc')
print(m.groups(), m.lastindex)
print(re.findall(r'((\d)(\w))', '1a2b'))
