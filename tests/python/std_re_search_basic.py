import re
print(re.search(r'o+', 'hello world').group())
print(re.search(r'o+', 'hello world').span())
print(re.search(r'^x', 'abc') is None)
print(re.search(r'b.d', 'abcd').group(0))
