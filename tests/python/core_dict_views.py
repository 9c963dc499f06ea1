d = {"x": 1, "y": 2}
k = d.keys()
v = d.values()
it = d.items()
print(k, v, it)
d["z"] = 3
print(len(k), list(v), ("z", 3) in it, "x" in k)
print(sorted(k - {"x"}), sorted(k & {"y", "q"}))
