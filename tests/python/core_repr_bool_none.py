print(True, False, None, repr(True), str(None), True + True, int(False))
