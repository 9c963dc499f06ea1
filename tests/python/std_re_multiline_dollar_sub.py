import re
s = 'a  \nb \nc'
print(repr(re.sub(r'\s+$', '', s, flags=re.M)))
print(repr(re.sub(r'\s+$', '', 'tail   \n')))
