import os
u = os.uname()
print(u.sysname, len(u) if hasattr(u, '__len__') else 5)
