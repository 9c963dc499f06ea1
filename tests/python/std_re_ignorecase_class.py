import re
print(re.findall(r'[a-c]+', 'ABCabcD', re.I))
