import re
m = re.match(r'(?P<a>\w)(\w)', 'xy')
print(m.expand(r'\2\1 \g<a>'))
