import re
print(re.findall(r'(a)|(b)', 'ab'))
print(re.findall(r'(\d+)(?:px)?', '10px 20'))
