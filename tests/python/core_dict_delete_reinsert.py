d = dict.fromkeys("abcdef", 0)
for k in "bdf":
    del d[k]
d["b"] = 1
print(list(d))
d.clear()
print(d, len(d))
