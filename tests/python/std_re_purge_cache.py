import re
for i in range(3):
    print(re.match(r'\d', str(i)).group())
re.purge()
print(re.match(r'x', 'x').group())
