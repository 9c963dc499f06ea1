import textwrap
print(textwrap.wrap('abcdefghijklmnopqrstuvwxyz', 10))
print(textwrap.wrap('abcdefghijklmnopqrstuvwxyz', 10, break_long_words=False))
