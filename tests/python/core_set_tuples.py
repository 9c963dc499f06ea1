s = {(1, 2), (3, 4), (1, 2)}
print(len(s), (1, 2) in s, (2, 1) in s)
s.add((5, 6))
print(sorted(s))
