class K(object):
    def __init__(self, a):
        self.a = a
    def __eq__(self, o):
        return isinstance(o, K) and self.a == o.a
    def __hash__(self):
        return hash(self.a)
print(K(1) == K(1), K(1) != K(2), K(1) == 1)
s = {K(1), K(1), K(2)}
print(len(s), K(2) in s)
print({K(3): "x"}[K(3)])
