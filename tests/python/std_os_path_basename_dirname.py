import os
for p in ['/usr/lib/libc.so', 'file.txt', '/a/b/', '', '//x']:
    print(repr(os.path.basename(p)), repr(os.path.dirname(p)))
