print(dict.fromkeys(["a", "b"]))
print(dict.fromkeys("xy", 0))
d = dict.fromkeys(range(3), "v")
print(d, type(d).__name__)
