class Foo(object):
    def m(self):
        pass
print(Foo.__name__, Foo.__qualname__, type(Foo()).__name__, Foo().__class__ is Foo)
