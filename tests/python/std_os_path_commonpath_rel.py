import os
print(os.path.commonpath(['a/b/c', 'a/b/d']))
print(os.path.commonpath(['/x', '/x/y/z']))
try:
    os.path.commonpath(['/a', 'b'])
except ValueError as e:
    print('ValueError', e)
