import re
print(re.match(r'a{2,3}', 'aaaa').group())
print(re.match(r'a{2}', 'aaaa').group())
print(re.match(r'a+?', 'aaa').group())
print(re.match(r'a*?b', 'aaab').group())
print(re.findall(r'x{,2}', 'xxx'))
