width, prec = 10, 3
v = 2.718281828
print(f"[{v:{width}.{prec}f}]", f"[{'s':>{width}}]")
