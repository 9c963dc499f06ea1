# pwd/grp records behave as tuples; lookups fail with CPython's exceptions.
import pwd, grp
r = pwd.getpwnam('root'); print(r, len(r), r[0], tuple(r) == r, r == pwd.getpwuid(0))
g = grp.getgrgid(0); print(g, list(g)[:3])
for f, a in ((pwd.getpwuid, 'x'), (pwd.getpwnam, 3), (grp.getgrnam, 'nosuchgroupzz'), (grp.getgrgid, 999999)):
    try: f(a)
    except (KeyError, TypeError) as e: print(type(e).__name__, e)
