print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "x"]), all([1, 0]))
print(any(x > 2 for x in range(4)), all(c.isalpha() for c in "abc"))
