import itertools
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.compress('abcdef', [1, 0, 1, 0, 1, 1])))
print(list(itertools.filterfalse(lambda x: x % 2, range(6))))
