print(list(range(5)), list(range(2, 8, 2)), list(range(5, 0, -1)), len(range(10)), 3 in range(5), range(3)[1])
