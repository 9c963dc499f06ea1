class A(object):
    def __init__(self, x):
        self.x = x
    def describe(self):
        return "A%d" % self.x
class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def describe(self):
        return "B" + super().describe() + str(self.y)
b = B(1, 2)
print(b.x, b.y, b.describe())
