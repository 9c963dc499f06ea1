print(repr(ValueError("x")), repr(KeyError(1)), repr(OSError(2, "msg")), repr(Exception()))
print([RuntimeError("in list")])
