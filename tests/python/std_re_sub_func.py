import re
def up(m):
    return m.group(0).upper()
print(re.sub(r'[aeiou]', up, 'hello world'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22 c333'))
