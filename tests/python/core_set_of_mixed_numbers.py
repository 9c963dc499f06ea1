s = {1, 1.0, True, 2}
print(len(s), 1.0 in s, sorted(s))
