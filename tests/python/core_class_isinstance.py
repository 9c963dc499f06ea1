class A(object): pass
class B(A): pass
class C(object): pass
b = B()
print(isinstance(b, A), isinstance(b, B), isinstance(b, C), isinstance(b, (C, A)))
print(issubclass(B, A), issubclass(A, B), issubclass(B, object), isinstance(b, object))
