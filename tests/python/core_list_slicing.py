l = list(range(10))
print(l[2:5], l[:3], l[-2:], l[::3], l[::-1][:3], l[5:2])
l[1:3] = ["a", "b", "c"]
print(l)
del l[0:2]
print(l)
del l[-1]
print(l)
