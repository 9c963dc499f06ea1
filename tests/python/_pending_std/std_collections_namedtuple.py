from collections import namedtuple
P = namedtuple('P', ['x', 'y'])
p = P(1, y=2)
print(p, p.x, p.y, p[0])
x, y = p
print(x + y)
print(p._asdict()['x'], p._replace(x=5))
print(P._fields)
