import re
print(re.sub('x*', '-', 'abxd'))
print(re.split(r'\b', 'a b'))
print(re.findall(r'\d*', 'a1'))
