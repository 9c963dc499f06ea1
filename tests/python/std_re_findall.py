import re
print(re.findall(r'\d+', 'a1b22c333'))
print(re.findall(r'(\w)=(\d)', 'a=1, b=2'))
print(re.findall(r'(\w+)@', 'x@ y@ z'))
print(re.findall(r'q', 'abc'))
