name, n = "world", 3
print(f"hello {name}", f"{n}+{n}={n + n}", f"{name!r}", f"{name!s}")
