class Shape(object):
    sides = 0
    @classmethod
    def create(cls):
        return cls()
    def describe(self):
        return "%s with %d sides" % (type(self).__name__, self.sides)
class Tri(Shape):
    sides = 3
print(Tri.create().describe(), Shape.create().describe())
