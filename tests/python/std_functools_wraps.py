import functools
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper
@deco
def hello():
    """doc here"""
    return 1
print(hello.__name__, hello.__doc__, hello())
