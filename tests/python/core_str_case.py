s = "hello World-foo bar"
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase())
