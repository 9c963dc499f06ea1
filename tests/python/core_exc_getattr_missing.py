class E(Exception):
    def __init__(self):
        Exception.__init__(self, "x")
        self.present = 1
e = E()
print(hasattr(e, "present"), getattr(e, "absent", "default"))
