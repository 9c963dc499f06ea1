import os
for p in ['foo.tar.gz', '.bashrc', 'a/b.c/d', 'noext', 'x.', '..']:
    print(os.path.splitext(p))
