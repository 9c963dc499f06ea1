import re
m = re.search(r'(x)(y)?', 'x')
print(bool(m), m[0], m[1], m[2])
print(m.start(2), m.end(2), m.span(2))
