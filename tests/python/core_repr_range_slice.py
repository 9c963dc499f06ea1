print(range(5), range(1, 10, 2), list(range(3)), list(range(10, 0, -3)))
