d = {}
d[1] = "a"
d[1.0] = "b"
d[True] = "c"
print(d, len(d))
d2 = {0: "zero"}
print(d2[False], d2.get(0.0))
