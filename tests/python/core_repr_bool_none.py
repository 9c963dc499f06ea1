print(True, False, None, repr(True), str(None), int(False))
