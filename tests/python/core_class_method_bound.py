class C(object):
    def __init__(self, n):
        self.n = n
    def get(self):
        return self.n
c = C(4)
f = c.get
print(f(), C.get(c), [C(i).get() for i in range(3)])
