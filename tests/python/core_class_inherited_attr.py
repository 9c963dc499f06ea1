class Base(object):
    color = "red"
    count = 1
class Child(Base):
    count = 2
c = Child()
print(Child.color, c.color, Child.count, Base.count, c.count)
Base.color = "blue"
print(c.color, Child.color)
