print("%r %r %r %r" % ("a'b", 1.5, None, ["x"]))
