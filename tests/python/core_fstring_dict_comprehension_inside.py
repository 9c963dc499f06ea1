keys = ["a", "b"]
print(f"{ {k: k.upper() for k in keys} }")
