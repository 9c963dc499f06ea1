import re
print(re.sub(r'a+', 'X', 'caaat aa'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'user@host and me@there'))
print(re.sub(r'\s+', ' ', '  a   b\t\nc  '))
print(re.sub(r'x', 'y', 'xxx', count=2))
