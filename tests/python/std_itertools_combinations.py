import itertools
print(list(itertools.combinations('abc', 2)))
print(list(itertools.permutations([1, 2, 3], 2)))
