import itertools
c = itertools.count(10, 5)
print(next(c), next(c), next(c))
cy = itertools.cycle('ab')
print([next(cy) for _ in range(5)])
