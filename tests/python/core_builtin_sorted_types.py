print(sorted("cba"), sorted((3, 1)), sorted({2: 0, 1: 0}), sorted({3, 1, 2}), sorted([], reverse=True))
