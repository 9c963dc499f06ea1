d = {"a": (1, 2), "b": (3, 4)}
for name, (x, y) in d.items():
    print(name, x + y)
