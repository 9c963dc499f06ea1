import os
print(os.path.commonprefix(['/usr/lib', '/usr/local']))
print(os.path.commonpath(['/usr/lib', '/usr/local']))
print(os.path.commonprefix([]))
