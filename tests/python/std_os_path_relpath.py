import os
print(os.path.relpath('/a/b/c', '/a/d'))
print(os.path.relpath('/a/b', '/a/b'))
print(os.path.relpath('/a', '/a/b/c'))
print(os.path.relpath('/usr/share/doc', '/usr'))
