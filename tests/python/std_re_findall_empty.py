import re
print(re.findall(r'a*', 'baaac'))
print(re.findall(r'(a)?b', 'ab b'))
