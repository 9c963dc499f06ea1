import re
print(re.split(r'(-)|(\+)', 'a-b+c'))
print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words.'))
