import os
for p in ['/a/./b/../c//d/', 'a/../../b', '', '.', '//a', '///a', 'a/b/..']:
    print(repr(os.path.normpath(p)))
