# Decorated functions with default values (oe.patch: @staticmethod def getPatchedFiles(patchfile, striplevel, srcdir=None)).
def deco(f):
    print('deco', f.__name__)
    return f
@deco
def g(a, b=None, c=[1,
                  2]): return (a, b, c)
print(g(1))
class P(object):
    @staticmethod
    def s(a, b=None, *args, k=4, **kw):  # comment
        return a, b, args, k, kw
    @classmethod
    @deco
    def c(cls, x={'a': 1}, *, y, z=(1, 2)):
        return cls.__name__, x, y, z
    @property
    def p(self, q=3):
        return q
print(P.s(1), P.s(1, 2, 3, k=5, m=6), P().s(0))
print(P.c(y=1), P.c(2, y=3, z=4))
print(P().p)
print(g.__defaults__, P.s.__defaults__, P.s.__kwdefaults__)
try:
    @deco
    def h(a=1/0): pass
except ZeroDivisionError as e:
    print('zde')
