from functools import reduce
print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []))
try:
    reduce(lambda a, b: a + b, [])
except TypeError as e:
    print('TypeError', e)
