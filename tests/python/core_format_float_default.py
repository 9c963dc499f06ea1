for v in (1.0, 0.1, 1e16, 1e-7, 123.456, 1/3, 2.0**70):
    print("{}".format(v), "{:}".format(v), str(v))
