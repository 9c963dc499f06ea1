import re
print(re.findall(r'\w+$', 'one two\n'))
print(re.fullmatch(r'a$', 'a\n'))
print(re.sub(r'$', '!', 'ab\n'))
print(re.search(r'(b$)', 'ab\n').groups(), re.search(r'(b$)', 'ab\n').span(1))
