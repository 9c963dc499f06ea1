d = {"a": 1, "b": 2, "c": 3}
print(d.pop("b"), d)
print(d.pop("x", "dflt"))
print(d.popitem(), d)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError", e)
