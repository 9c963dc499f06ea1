print(0 or "x", "" and 1, None or [] or "last", 1 and 2 and 3, not [], not 0)
print([] or {}, "a" if None else "b")
