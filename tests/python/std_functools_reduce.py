import functools
print(functools.reduce(lambda a, b: a + b, [1, 2, 3, 4]))
print(functools.reduce(lambda a, b: a * b, [], 1))
print(functools.reduce(lambda a, b: a + b, ['x', 'y'], 'w'))
