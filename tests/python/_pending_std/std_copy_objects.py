import copy
class P:
    def __init__(self, v):
        self.v = v
p = P([1])
q = copy.deepcopy(p)
q.v.append(2)
print(p.v, q.v, type(q).__name__)
r = copy.copy(p)
r.v.append(3)
print(p.v)
