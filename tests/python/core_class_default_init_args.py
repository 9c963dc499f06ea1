class P(object):
    def __init__(self, a, b=2, *rest, **kw):
        self.v = (a, b, rest, sorted(kw.items()))
print(P(1).v)
print(P(1, 3, 4, 5, x=1).v)
