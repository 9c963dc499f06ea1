t = (1, 2)
print("%s" % (t,), "%s and %s" % t)
