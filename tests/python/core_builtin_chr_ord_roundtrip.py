s = "Héllo€"
print([ord(c) for c in s], "".join(chr(ord(c)) for c in s) == s)
