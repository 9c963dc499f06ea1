import re
print(re.search(r'(foo|foobar)', 'foobar').group(1))
print(re.search(r'(foobar|foo)', 'foobar').group(1))
print(re.match(r'(a|ab)(c|bcd)', 'abcd').groups())
