def f():
    pass
class C(object):
    pass
print(callable(f), callable(C), callable(C()), callable(len), callable("s"), type(f).__name__)
