import re
print(re.subn(r'\d', '#', 'a1b2c3'))
print(re.subn(r'z', '#', 'abc'))
