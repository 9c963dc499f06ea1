import re
pats = [r'a\ b', r'\#', r'\-', r'\/', r'\:', r'\@', r'\%', r'\!', r'\"', r"\'", r'\<', r'\>', r'\=', r'\,', r'\~', r'\`', r'\;', r'\&', r'a{', r'{1}', r'x{2,}', r'[\]]', r'[\\]', r'[\-a]', r'[a\-z]', r'[\^]', r'\$', r'[$]', r'\(\)']
for p in pats:
    try:
        r = re.compile(p, re.X if p == r'a\ b' else 0)
        print(p, 'ok', bool(r.search('a b#-/:@%!"\'<>=,~`;&a{{1}xx]\\^$()')))
    except re.error as e:
        print(p, 'error')
