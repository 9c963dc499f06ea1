import itertools
for k, g in itertools.groupby('aaabbc'):
    print(k, list(g))
data = [('a', 1), ('a', 2), ('b', 3)]
print([(k, [v for _, v in g]) for k, g in itertools.groupby(data, key=lambda x: x[0])])
