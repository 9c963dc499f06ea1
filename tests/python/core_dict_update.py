d = {"a": 1}
d.update({"b": 2})
d.update([("c", 3), ("a", 0)])
d.update(e=5)
print(d)
d.update({"f": 6}, g=7)
print(sorted(d.items()))
