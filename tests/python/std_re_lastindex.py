import re
m = re.match(r'(a)(b)?', 'ab')
print(m.lastindex)
m = re.match(r'(?P<x>a)', 'a')
print(m.lastgroup)
