s = "gobäke"
b = s.encode("utf-8")
print(b, len(b), b.decode("utf-8") == s, "abc".encode("ascii"), b"x".decode())
