import shlex
print(shlex.split('a"b c"d'))
print(shlex.split("echo 'it''s'"))
print(shlex.split('x\\"y "a\\"b"'))
print(shlex.split('  lead   trail  '))
