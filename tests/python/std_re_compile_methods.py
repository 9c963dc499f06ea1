import re
p = re.compile(r'(\d+)')
print(p.pattern, p.groups)
print(p.search('ab12cd').group(1))
print(p.findall('1 2 3'))
print(p.sub('N', 'a1b2'))
print(p.split('a1b2c'))
