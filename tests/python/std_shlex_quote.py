import shlex
for s in ['simple', 'with space', "it's", '', 'a$b', '/path/to-file.txt']:
    print(shlex.quote(s))
