import re
p = re.compile(r'''
    (\d+)   # number
    \s*
    ([a-z]+) # unit
''', re.VERBOSE)
print(p.match('10 kb').groups())
