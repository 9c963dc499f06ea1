# collections.OrderedDict.fromkeys as Isar's bootstrap.bbclass uses it to drop duplicate
# apt sources while keeping their order.
from collections import OrderedDict

sources = "conf/a.list conf/b.list conf/a.list conf/c.list conf/b.list".split()
print(list(OrderedDict.fromkeys(sources)))
od = OrderedDict.fromkeys(['x', 'y'], 0)
od['z'] = 1
print(list(od.items()), 'x' in od, 'q' in od, len(od), type(od).__name__)
print(list(OrderedDict.fromkeys("")))
