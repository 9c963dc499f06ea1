def f(a, b=1, *args, **kwargs):
    return a, b, args, sorted(kwargs.items())
print(f(1), f(1, 2, 3, 4), f(1, x=5), f(*[7, 8], **{"k": "v"}))
def g(*, key):
    return key
print(g(key=3))
