import re
print(re.findall(r'cat|dog', 'cat dog bird dog'))
print(re.match(r'(ab|a)(c)', 'ac').groups())
print(re.sub(r'^(?:lib)?(.*?)(?:-dev)?$', r'\1', 'libfoo-dev'))
