import re
print(re.sub(r'/', r'\\', 'a/b/c'))
print(re.sub(r'x', lambda m: '\\', 'axb'))
print(re.escape('C:\\path'))
