words = ["a", "bb", "cc", "a"]
print(sorted({len(w) for w in words}))
print(sorted({w.upper() for w in words}))
