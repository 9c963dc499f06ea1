import re
print(re.findall(r'\x41+', 'AAB'))
print(re.findall(r'\u00e9', 'café'))
print(re.findall(r'\t', 'a\tb'))
print(re.sub(r'\n', r'\\n', 'a\nb'))
