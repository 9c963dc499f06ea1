t = str.maketrans("abc", "xyz")
print("aabbcc".translate(t))
t2 = str.maketrans({"a": "1", "b": None})
print("abc".translate(t2))
