import re
print(re.sub(r'(?P<k>\w+)=(?P<v>\w+)', r'\g<v>=\g<k>', 'a=1 b=2'))
print(re.sub(r'(a)(b)', r'\g<2>\g<1>', 'abab'))
