d = {"list": [1, 2.0, "3"], "tuple": (1,), "dict": {"in": None}, "set": set(), "bool": True}
print(d)
print(str(d) == repr(d))
