import re
print(re.match('b', 'ab'), re.search('b', 'ab').span())
print(re.compile('b').match('ab', 1).span())
