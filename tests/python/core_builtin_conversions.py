print(int("42"), int("-7"), int(3.9), float("3.5"), float(2), str(12), bool(""), bool("x"), list("ab"), tuple([1]))
print(int("ff", 16), int("0o17", 0), int("0b11", 0), hex(255), oct(8), bin(5))
