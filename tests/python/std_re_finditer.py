import re
for m in re.finditer(r'(\w+)=(\w+)', 'a=1 bb=22 ccc=333'):
    print(m.group(1), m.group(2), m.span())
