s = set("hello")
print(len(s), "h" in s, sorted(s))
