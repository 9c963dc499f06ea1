print("{:{w}.{p}f}".format(3.14159, w=10, p=2))
print("{:{}}".format("x", 4) + "|")
