class A(object):
    pass
print(A, int, str, type(None), ValueError, dict, object)
print(A.__name__, repr(A).startswith("<class '__main__.A'"))
