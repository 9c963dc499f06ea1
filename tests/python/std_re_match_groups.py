import re
m = re.match(r'(\w+)-(\d+)', 'abc-123 rest')
print(m.group(0), m.group(1), m.group(2))
print(m.groups())
print(m.span(), m.span(1), m.start(2), m.end(2))
print(re.match(r'\d+', 'abc'))
