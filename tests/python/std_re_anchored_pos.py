import re
p = re.compile(r'\w+')
print([m.group() for m in p.finditer('aa bb cc', 3)])
print(p.findall('aa bb cc', 0, 5))
