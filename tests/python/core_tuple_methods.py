t = (1, 2, 2, 3)
print(t.count(2), t.index(3), t[1:3], t[::-1], len(t))
try:
    t.index(9)
except ValueError as e:
    print("ValueError", e)
