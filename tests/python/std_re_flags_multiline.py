import re
s = 'a=1\nb=2\nc=3'
print(re.findall(r'^(\w)=', s, re.MULTILINE))
print(re.findall(r'(\d)$', s, re.M))
print(re.findall(r'^(\w)=', s))
