f = lambda x, y=2: x * y if x > 0 else -x
print(f(3), f(-4), f(5, y=3), (lambda: "noarg")())
