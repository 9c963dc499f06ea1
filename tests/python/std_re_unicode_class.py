import re
print(re.findall(r'\w+', 'foo bar_baz 42'))
print(re.findall(r'\d', 'a1b2'))
print(re.sub(r'\W+', '-', 'a b.c'))
