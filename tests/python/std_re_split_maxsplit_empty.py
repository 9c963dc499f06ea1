import re
print(re.split(r',', 'a,b,c,d', maxsplit=2))
print(re.split(r'x*', 'axbc'))
print(re.split(r'(?m)^', 'a\nb\nc'))
