print("a b c d".split(maxsplit=2), "a,b,c".split(sep=",", maxsplit=1), "a b c".rsplit(maxsplit=1))
