base = {"a": 1, "b": 2}
extra = {"b": 20, "c": 30}
merged = {**base, **extra, "d": 4}
print(merged)
print({"first": 0, **base})
