import itertools
print(list(itertools.combinations_with_replacement('ab', 2)))
print(len(list(itertools.permutations(range(4)))))
print(list(itertools.pairwise('abcd')))
