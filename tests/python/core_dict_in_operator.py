d = {"a": 1, (1, 2): 3}
print("a" in d, "b" in d, (1, 2) in d, "b" not in d)
