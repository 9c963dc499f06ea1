print(eval("1 + 2 * 3"), eval("x + 1", {"x": 10}))
ns = {}
exec("y = 5\ndef g():\n    return y * 2", ns)
print(ns["y"], ns["g"]())
code = compile("a * 2", "<expr>", "eval")
print(eval(code, {"a": 21}))
