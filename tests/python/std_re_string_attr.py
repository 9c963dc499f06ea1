import re
m = re.search(r'b', 'abc')
print(m.string, m.pos, m.endpos, m.re.pattern)
