import re
p = re.compile(r'^a.c$', re.I | re.M | re.S)
print(p.findall('ABC\na\nc\nAxc'))
print(p.flags & (re.I | re.M | re.S) == re.I | re.M | re.S)
print(re.findall(r'(?im)^x', 'X\nx\ny'))
print(re.compile(r'(?x) a b # c').match('ab').group())
