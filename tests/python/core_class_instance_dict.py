class O(object):
    kind = "o"
    def __init__(self):
        self.a = 1
        self.b = "two"
o = O()
print(sorted(o.__dict__.items()), o.__class__.__name__, type(o).__name__)
o.c = 3
print(sorted(vars(o)))
