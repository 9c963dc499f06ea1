def f():
    """Doc of f."""
    return 1
class C(object):
    """Doc of C."""
print(f.__doc__, C.__doc__, f())
