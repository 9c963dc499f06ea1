import fnmatch
print(fnmatch.fnmatch('foo.py', '*.py'), fnmatch.fnmatch('foo.pyc', '*.py'))
print(fnmatch.fnmatch('a1', 'a[0-9]'), fnmatch.fnmatch('ab', 'a[!b]'))
print(fnmatch.fnmatchcase('A.PY', '*.py'))
print(fnmatch.filter(['a.c', 'b.h', 'c.c'], '*.c'))
