# eval and exec used as values (not called directly) get explicit namespaces.
run = eval
print(run("1 + 2"), run("x", {"x": 3}), run("y", None, {"y": 4}))
ns = {}
ex = exec
ex("z = 5", ns)
print(ns["z"])
