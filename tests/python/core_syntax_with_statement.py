class Ctx(object):
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return typ is ValueError
with Ctx("a") as c:
    print("body", c.name)
with Ctx("b"):
    raise ValueError("swallowed")
print("after")
