import shlex
print(shlex.split('a b # c', comments=True))
print(shlex.split('a b # c'))
try:
    shlex.split('"unterminated')
except ValueError as e:
    print(e)
