# The smallest program: print of builtin values.
print("hello", 1, 2 + 3)
print("a", "b", sep="-", end="!\n")
x = [1, 2, 3]
print(len(x), x[0], x[-1])
