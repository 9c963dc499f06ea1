class Outer(object):
    class Inner(object):
        val = 7
        def get(self):
            return self.val
    def make(self):
        return self.Inner()
print(Outer().make().get(), Outer.Inner.val, Outer.Inner.__name__)
