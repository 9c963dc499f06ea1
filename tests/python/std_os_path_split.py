import os.path
print(os.path.split('/a/b/c'))
print(os.path.split('c'))
print(os.path.split('/'))
print(os.path.split('a/b/'))
