items = ["b2", "a10", "a2", "b1"]
print(sorted(items, key=lambda s: (s[0], int(s[1:]))))
