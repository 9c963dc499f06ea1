import re
print(re.sub(r'A', 'x', 'aAaA', 1, re.I))
print(re.sub(r'a', 'x', 'aaaa', count=0))
print(re.subn(r'^', '> ', 'l1\nl2', flags=re.M))
