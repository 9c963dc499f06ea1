print(int(3.99), int(-3.99), float(3), float("1e3"), int("  42 "), int("0x1f", 16), int("777", 8), int("101", 2))
