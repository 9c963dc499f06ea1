import os
print(os.path.isabs('/x'), os.path.isabs('x'), os.path.isabs(''))
