names = ["a", "b", "c"]
print(list(enumerate(names)), list(enumerate(names, start=1)))
print(list(zip(names, range(5))), list(zip()), dict(zip(names, names[::-1])))
