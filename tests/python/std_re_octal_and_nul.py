import re
print(re.findall(r'\0', 'a\x00b'))
print(re.findall(r'\101', 'AB'))
