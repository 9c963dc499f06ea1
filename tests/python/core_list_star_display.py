a = [1, 2]
b = range(3, 5)
print([*a, *b, 9], [*"ab"], [0, *a])
