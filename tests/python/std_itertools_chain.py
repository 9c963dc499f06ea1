import itertools
print(list(itertools.chain([1, 2], (3,), 'ab')))
print(list(itertools.chain.from_iterable([[1], [2, 3]])))
