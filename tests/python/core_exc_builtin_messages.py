tests = [lambda: 1 / 0, lambda: [][1], lambda: {}["k"], lambda: int("x"), lambda: None.foo]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, "|", e)
