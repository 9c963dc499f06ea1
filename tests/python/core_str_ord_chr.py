print(ord("A"), ord("é"), chr(97), chr(8364), [ord(c) for c in "hi"])
