import re
print(re.match(r'\w+', 'hello world'))
print(re.compile(r'a+b'))
print(re.compile(r'x', re.I))
