import re
print(re.search(r'^(\S+)\s*=\s*(.*)$', 'FOO = bar\n').groups())
print(re.match(r'abc$', 'abc\n').span())
print(re.match(r'abc$', 'abc\nx'))
