print(abs(-3), abs(-2.5), pow(2, 10), pow(2, 10, 1000), divmod(17, 5), divmod(-17, 5), round(3.567, 2), round(-2.5), round(1234, -2))
print(min(1, 2.5), max(-1, -1.5), sum([1.5, 2.5]), 7 // 2, 7.0 // 2)
