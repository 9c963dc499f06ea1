import os
old = os.umask(0o22)
print(oct(os.umask(old)))
