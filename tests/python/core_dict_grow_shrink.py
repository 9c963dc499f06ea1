# Dicts and sets across the size where their index changes (a dozen entries): inserts,
# deletes, re-inserts and lookups of str, int, tuple and user-hashed keys keep order and
# membership.
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v % 3)
    def __eq__(self, other):
        return isinstance(other, K) and other.v == self.v
    def __repr__(self):
        return 'K(%d)' % self.v

for n in [1, 5, 11, 12, 13, 14, 25, 40]:
    d = {}
    keys = []
    for i in range(n):
        k = [str(i), i, (i, 'x'), K(i)][i % 4]
        keys.append(k)
        d[k] = i
    for k in keys[::3]:
        del d[k]
    for k in keys[::6]:
        d[k] = -1
    s = set(keys)
    for k in keys[1::4]:
        s.discard(k)
    print(n, list(d.items()), len(d), [k in d for k in keys], sorted(repr(x) for x in s),
          d.get('1'), d.get(K(3)), K(3) in s, '2' in s)
