print([], (), {}, set(), [[]], [()], ({},), [1, [2, [3]]])
print([None, True, False, 1.5, "s", b"b"])
print(((1, 2), [3, 4]))
