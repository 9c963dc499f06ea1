d = {"k": (1, 2)}
print(d["k"][1], (1, 2) in d.values())
