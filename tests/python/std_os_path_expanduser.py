import os
os.environ['HOME'] = '/home/tester'
print(os.path.expanduser('~/x'))
print(os.path.expanduser('~'))
print(os.path.expanduser('a/~'))
