import itertools
print(list(itertools.islice(itertools.count(5), 3)))
print(list(itertools.islice('abcdef', 1, 5, 2)))
print(list(itertools.zip_longest('ab', 'xyz', fillvalue='-')))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.accumulate([1, 2, 3])))
print(list(itertools.repeat('x', 3)))
