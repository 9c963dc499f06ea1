import re
print(re.findall(r'(?i:a)b', 'Ab ab AB'))
print(re.match(r'(?s:.)', '\n') is not None)
