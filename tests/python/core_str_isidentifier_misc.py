print("abc_1".isidentifier(), "1abc".isidentifier(), "déf".isidentifier(), "ab".isascii(), "é".isascii())
