import re
print(re.search(r'\Afoo', 'foo bar') is not None, re.search(r'\Abar', 'foo bar') is None)
print(re.search(r'bar\Z', 'foo bar') is not None, re.search(r'bar\Z', 'foo bar\n') is None)
print(re.findall(r'\bba\w*', 'bar foo baz abar'))
print(re.findall(r'\Bo\B', 'foo boo o'))
