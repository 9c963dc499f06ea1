import re
print(re.findall(r'<(.+?)>', '<a><b><c>'))
print(re.findall(r'<(.+)>', '<a><b><c>'))
print(re.match(r'(.*?)(\d+)', 'abc123').groups())
