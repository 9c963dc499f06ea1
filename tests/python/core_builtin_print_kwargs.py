import sys
print("a", "b", sep="")
print("x", end="")
print("y")
print("to stdout", file=sys.stdout)
print()
print(1, 2, 3, sep=", ", end=".\n")
