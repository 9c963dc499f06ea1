print([x * x for x in range(6) if x % 2])
print([(x, y) for x in range(3) for y in "ab" if x != 1])
print([[j for j in range(i)] for i in range(4)])
print([c for c in "hello" if c not in "lo"])
