import functools
def f(a, b, c=0):
    return a * 100 + b * 10 + c
g = functools.partial(f, 1)
print(g(2), g(2, c=3))
h = functools.partial(f, c=9)
print(h(1, 2))
print(g.args, g.func is f)
