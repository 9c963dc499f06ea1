class Money(object):
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        return "$" + format(self.v, spec or ".2f")
print(f"{Money(3)}", f"{Money(2.5):.1f}", "{:.3f}".format(Money(1)))
