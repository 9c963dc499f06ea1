X = 1
print("X" in globals(), globals()["X"])
class C(object):
    def __init__(self):
        self.v = 2
print(vars(C()))
