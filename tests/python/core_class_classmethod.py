class A(object):
    name = "A"
    @classmethod
    def make(cls, v):
        return "%s(%s)" % (cls.name, v)
class B(A):
    name = "B"
print(A.make(1), B.make(2), B().make(3))
