# Protocol methods defined in a base class (urllib.parse's result classes, BitBake's
# helpers): iteration, len, indexing, membership and with-blocks on a subclass instance.


class Base(object):
    def __init__(self, *items):
        self._items = list(items)

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __contains__(self, x):
        return x in self._items

    def __enter__(self):
        print('enter')
        return self

    def __exit__(self, *exc):
        print('exit', exc[0] is None)
        return False


class Mid(Base):
    pass


class Leaf(Mid):
    def __len__(self):
        return 99


m = Mid(1, 2, 3)
print(list(m), tuple(m), len(m), m[1], 2 in m, 5 in m, sorted(m, reverse=True))
for x in m:
    print(x)
with Mid('a') as w:
    print(list(w))
l = Leaf(4, 5)
print(len(l), list(l), l[0])
