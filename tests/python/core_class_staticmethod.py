class A(object):
    @staticmethod
    def add(a, b):
        return a + b
class B(A):
    pass
print(A.add(1, 2), B.add(3, 4), B().add(5, 6))
