s = "banana"
print(s.count("a"), s.count("an"), s[1:4], s[-3:], s[::2], s[::-1], s[10:], s[-100:2])
