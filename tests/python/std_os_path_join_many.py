import os
parts = ['usr', 'share', 'doc', 'pkg', 'README']
print(os.path.join(*parts))
print(os.path.join('/', *parts))
print(os.sep.join(parts))
