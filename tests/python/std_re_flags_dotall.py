import re
print(re.search(r'a.b', 'a\nb') is None)
print(re.search(r'a.b', 'a\nb', re.DOTALL).group() == 'a\nb')
print(re.search(r'(?s)a.+', 'a\nbc').group() == 'a\nbc')
