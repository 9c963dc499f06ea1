import re
p = re.compile(r'\d+')
print(p.match('ab12', 2).group())
print(p.search('12ab34', 2).group())
print(p.match('ab12') is None)
