d = {1: "int", "1": "str", None: "none", 2.5: "float", True: "bool?"}
print(d)
print(d[1], d[1.0], d[None], len(d))
