import re
print(re.split(r'[,;]\s*', 'a, b;c'))
print(re.split(r'(,)', 'a,b,c'))
print(re.split(r'\s+', 'one two  three', maxsplit=1))
print(re.split(r'x', 'abc'))
