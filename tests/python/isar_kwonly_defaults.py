# Keyword-only parameters with defaults after ones without (as in bb.utils and OE's lib/oe
# helpers): each default belongs to its own name.


def f(a, b=2, *c, d, e=3, **g):
    return a, b, c, d, e, g


def h(x, *, k, flag=False, sep=' '):
    return x, k, flag, sep


class C(object):
    def m(self, *, path, quiet=True):
        return path, quiet


print(f(1, d=4), f(1, 2, 3, d=4, e=5, z=6))
print(h(1, k=2), h(1, k=2, sep=','), C().m(path='/p'))
print(sorted(f.__kwdefaults__.items()), sorted(h.__kwdefaults__.items()))
try:
    h(1)
except TypeError as e:
    print('TypeError')


def deco(fn):
    return fn


@deco
def dk(x, *, k, flag=False):
    return x, k, flag


print(dk(1, k=2), dk(1, k=2, flag=True))
