print(sorted(["b", "a", "B", "ä", "A"]))
print(sorted("hello"))
