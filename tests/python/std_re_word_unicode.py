import re
print(re.findall(r'\w+', 'naïve café 中文'))
print(re.findall(r'\w+', 'naïve café', re.ASCII))
print(re.findall(r'\d+', '٣4'))
