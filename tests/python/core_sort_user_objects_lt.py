class V(object):
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return "V(%d)" % self.n
vs = [V(3), V(1), V(2)]
print(sorted(vs), min(vs), max(vs))
