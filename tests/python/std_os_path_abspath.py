import os
print(os.path.abspath('/a/b/../c'))
print(os.path.abspath('x') == os.path.join(os.getcwd(), 'x'))
