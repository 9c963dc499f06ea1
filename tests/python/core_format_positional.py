print("{} {} {}".format(1, "a", None))
print("{1} {0} {1}".format("x", "y"))
print("{a}-{b}".format(a=1, b=2))
