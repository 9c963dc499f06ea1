fs = frozenset([1, 2])
d = {fs: "pair"}
print(d[frozenset([2, 1])])
print(fs, frozenset(), set())
s = {frozenset("ab"), frozenset("ba")}
print(len(s))
