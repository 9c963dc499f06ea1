print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))))
