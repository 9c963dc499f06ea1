vals = [1, 1.0, "s", b"b", [], (), {}, set(), None, True]
for v in vals:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)), isinstance(v, dict), isinstance(v, object))
