print("%s|%s|%s|%s|%s" % (None, True, 1.0, [1, "a"], {"k": (1,)}))
print("%s" % (1,), "%s" % "x", "%s" % 2.5e-7)
