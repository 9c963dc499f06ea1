s = "recipe.bbappend"
print(s.startswith("rec"), s.startswith(("x", "r")), s.endswith(".bb"), s.endswith((".bb", ".bbappend")), s.startswith("ipe", 3))
