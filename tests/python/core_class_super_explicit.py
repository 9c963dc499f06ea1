class A(object):
    def hi(self):
        return ["A"]
class B(A):
    def hi(self):
        return ["B"] + super(B, self).hi()
class C(B):
    def hi(self):
        return ["C"] + super(C, self).hi()
print(C().hi())
