import re
print(re.findall(r'é', 'ÉéE', re.I))
print(re.sub(r'(?i)straße', 'X', 'STRASSE straße'))
