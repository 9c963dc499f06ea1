import os
print(os.path.join('a', 'b', 'c'))
print(os.path.join('/a', '/b', 'c'))
print(os.path.join('a/', 'b'))
print(os.path.join('', 'x'))
print(os.path.join('a', ''))
