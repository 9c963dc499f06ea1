class Reg(object):
    items = []
    @classmethod
    def add(cls, x):
        cls.items.append(x)
Reg.add(1)
Reg.add(2)
print(Reg.items, Reg().items)
