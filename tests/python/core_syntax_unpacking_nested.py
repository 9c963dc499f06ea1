data = [("a", (1, 2)), ("b", (3, 4))]
for name, (x, y) in data:
    print(name, x * y)
a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
