# An uncaught exception: traceback on stderr, exit status 1.
def f(x):
    raise ValueError("bad value %d" % x)
print("start")
f(7)
