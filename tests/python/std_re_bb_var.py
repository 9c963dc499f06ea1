import re
var_re = re.compile(r'\$\{[a-zA-Z0-9\-_+./~:]+?\}')
s = 'A=${FOO} B=${BAR_BAZ}/x ${not closed'
print(var_re.findall(s))
print(var_re.sub('X', s))
