s = {42}
print(s.pop(), s)
try:
    s.pop()
except KeyError as e:
    print("KeyError", e)
s = {1, 2}
s.clear()
print(s)
