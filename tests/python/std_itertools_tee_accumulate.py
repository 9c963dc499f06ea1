import itertools, operator
a, b = itertools.tee([1, 2, 3])
print(list(a), list(b))
print(list(itertools.accumulate([1, 2, 3, 4], operator.mul)))
