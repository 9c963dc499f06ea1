class P(object):
    x = 3
    y = [7, 8]
d = {"k": "v"}
print("{0[k]} {1.x} {1.y[1]} {2[0]}".format(d, P(), ["z"]))
