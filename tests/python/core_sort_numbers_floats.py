print(sorted([3, 1.5, -2, 0.0, 2]))
print(sorted([0.1 + 0.2, 0.3]))
