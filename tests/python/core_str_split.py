print("a b  c".split(), "a,b,,c".split(","), "a b c".split(" ", 1), "  x  ".split())
print("a-b-c".rsplit("-", 1), "a b c".rsplit(None, 1), "".split(), "".split(","))
print("k=v=w".split("=", 1), "line1\nline2".split("\n"))
