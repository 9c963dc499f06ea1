import re
m = re.match(r'(?P<name>\w+)-(?P<ver>[\d.]+)', 'foo-1.2.3')
d = m.groupdict()
print(sorted(d.items()))
print(m.group('name'), m.group('ver'))
print(m['name'])
