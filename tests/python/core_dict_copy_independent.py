a = {"k": [1]}
b = a.copy()
b["k2"] = 2
b["k"].append(2)
print(a, b)
