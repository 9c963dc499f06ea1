d = {"a": 1}
print(d.get("a"), d.get("b"), d.get("b", 5))
print(d.setdefault("c", []), d)
d.setdefault("c", []).append(3)
d.setdefault("a", 100)
print(d)
