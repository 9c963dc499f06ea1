d = {}
for k in ["z", "a", "m", "b"]:
    d[k] = len(k)
print(list(d))
d["a"] = 9
print(list(d.items()))
del d["z"]
d["z"] = 0
print(d)
