print(str(5), str(2.50), str([1, "2"]), str((1,)), str(None), str(b"x"), str(), str("s"))
