print({1}, {"x"}, {(1, 2)}, set([5]))
print(repr(set()), repr(frozenset([3])))
