s = "hello world"
print(s.find("o"), s.rfind("o"), s.find("z"), s.find("o", 5), s.index("w"), s.rindex("l"), s.find("l", 3, 4))
try:
    s.index("z")
except ValueError as e:
    print("ValueError", e)
