it = iter([1, 2, 3])
print(next(it), next(it), list(it), next(it, "end"))
it2 = iter("ab")
print(next(it2), next(it2))
