for v in [0.1, 0.2 + 0.1, 1.0, -0.0, 1e16, 1e15, 1.5e-5, 0.0001, 123456789.123, 2.5e-10, 1e100, 3.0e-300]:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"))
