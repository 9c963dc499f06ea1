X = type("X", (object,), {"a": 1, "f": lambda self: self.a + 1})
x = X()
print(X.__name__, x.a, x.f())
