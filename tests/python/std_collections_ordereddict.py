from collections import OrderedDict
d = OrderedDict()
d['b'] = 1
d['a'] = 2
d['c'] = 3
print(list(d.keys()))
d.move_to_end('b')
print(list(d.items()))
print(d.popitem(), d.popitem(last=False))
print(d)
