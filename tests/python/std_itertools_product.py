import itertools
print(list(itertools.product('ab', [1, 2])))
print(list(itertools.product([0, 1], repeat=2)))
