import re
print(re.escape('a.b*c+d?'))
print(re.escape('1.0-r0 (x)'))
print(re.escape('plain_text'))
print(re.match(re.escape('a.b'), 'a.b') is not None, re.match(re.escape('a.b'), 'axb') is None)
