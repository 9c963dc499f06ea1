# eval and exec given the code alone run in the caller's namespaces.
x = 5
print(eval("x + 1"), eval("x" + " * 2"), eval(("x - 1")))


def f(a):
    y = 3
    return eval("a * y + x"), eval(
        "y"  # a comment inside the call
    )


print(f(2))
exec("q = 7")
print(q)


def g():
    z = 2
    exec("w = z + 1")
    return "w" in locals(), z


print(g())
print([eval("i * i") for i in range(4)])


class C:
    k = 4
    v = eval("k + 1")


print(C.v)
print(eval("x", {"x": "own"}), eval("x", None, {"x": "loc"}))


class Obj:
    def eval(self, s):
        return "method " + s


print(Obj().eval("x"))
y_mod = 100
print(eval("y_mod + w", None, {"w": 1}))


def k():
    loc = 1
    return eval("loc", {"loc": "g"}), eval("loc", None), eval("len('abc') + loc")


print(k())
ns = {}
exec("r = 1", ns)
print("r" in ns, "r" in globals())
print(eval(compile("x * 3", "<c>", "eval")))
try:
    eval()
except TypeError:
    print("TypeError")
