print("[" + "ab".center(7) + "]", "[" + "ab".ljust(5, ".") + "]", "[" + "ab".rjust(5) + "]", "42".zfill(5), "-42".zfill(5))
