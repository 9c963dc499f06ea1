a = [1, 2]
b = (2, 3)
print(sorted({*a, *b, 4}))
