# list subclasses as OE's oe.types.OEList: construction through list.__init__, iteration,
# len, indexing, membership, list methods and str() through the subclass's __str__.


class OEList(list):
    name = "list"

    def __init__(self, value, separator=None):
        if value is not None:
            list.__init__(self, value.split(separator))
        else:
            list.__init__(self)
        if separator is None:
            self.separator = " "
        else:
            self.separator = separator

    def __str__(self):
        return self.separator.join(self)


l = OEList("a b  c")
print(len(l), list(l), str(l), l[1], l[-1], l[0:2], 'b' in l, 'z' in l, isinstance(l, list))
for x in l:
    print(x)
l.append('d')
l.extend(['e', 'f'])
l.insert(0, 'z')
print(str(l), l.separator, l.index('c'), l.count('a'), l.pop(), len(l))
l.sort()
print(str(l), l == ['a', 'b', 'c', 'd', 'e', 'z'], l != [], sorted(l, reverse=True))
l.append('g')
print(type(l).__name__, str(l), bool(l), bool(OEList(None)), str(OEList("x,y", ",")))
l[0] = 'A'
del l[1]
print(str(l), repr(OEList("p q")))


class Plain(list):
    pass


p = Plain([3, 1, 2])
p.sort()
print(p, len(p), p[0], list(reversed(p)), sum(p), max(p))
