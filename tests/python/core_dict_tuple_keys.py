d = {(1, 2): "a", (0,): "b", (): "c"}
print(d[(1, 2)], d[(0,)], d[()])
d[(1, 2)] = "x"
print(d)
print((1, 2) in d, (2, 1) in d)
