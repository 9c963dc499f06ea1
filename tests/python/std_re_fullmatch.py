import re
print(re.fullmatch(r'\d+', '123') is not None)
print(re.fullmatch(r'\d+', '123a') is None)
print(re.fullmatch(r'a|ab', 'ab').group())
