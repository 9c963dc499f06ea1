import re
print(re.match(r'abc', 'ABC', re.IGNORECASE).group())
print(re.findall(r'(?i)x', 'xXx'))
print(re.match(r'abc', 'ABC', re.I) is not None)
