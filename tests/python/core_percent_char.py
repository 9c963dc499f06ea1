print("%c%c" % (65, "b"))
