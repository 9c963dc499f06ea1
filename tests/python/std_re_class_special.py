import re
print(re.findall(r'[^a-c]', 'abcdef'))
print(re.findall(r'[]a]', 'a]b'))
print(re.findall(r'[\s,]+', 'a, b ,c'))
print(re.findall(r'[.-]', 'a.b-c'))
