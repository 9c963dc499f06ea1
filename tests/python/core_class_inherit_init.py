class A(object):
    def __init__(self):
        self.tag = "A-init"
class B(A):
    pass
class C(B):
    def extra(self):
        return self.tag + "!"
print(B().tag, C().extra())
