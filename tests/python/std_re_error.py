import re
try:
    re.compile('(abc')
except re.error:
    print('error raised')
