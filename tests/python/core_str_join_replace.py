print("-".join(["a", "b", "c"]), "".join(("x", "y")), ", ".join(str(i) for i in range(3)))
print("aaaa".replace("a", "b", 2), "hello".replace("l", "L"), "x".replace("", "-"))
