import re
print(re.sub(r'(a)', r'[\1]\t', 'xa'))
print(repr(re.sub(r'b', r'\n', 'abc')))
print(re.sub(r'(x)', r'\\1', 'x'))
