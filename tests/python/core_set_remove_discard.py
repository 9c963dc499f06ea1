s = {"a", "b"}
s.discard("zz")
s.remove("a")
print(s)
try:
    s.remove("zz")
except KeyError as e:
    print("KeyError", e)
