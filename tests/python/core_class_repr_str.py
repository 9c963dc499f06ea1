class P(object):
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "P(%r)" % self.n
class Q(P):
    def __str__(self):
        return "q:%s" % self.n
print(P(1), [P(2)], str(P("x")), Q(3), [Q(4)], "%s %r" % (Q(5), Q(6)))
