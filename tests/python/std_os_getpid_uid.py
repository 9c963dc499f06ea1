import os
print(os.getpid() > 0, os.getuid() >= 0, os.getgid() >= 0, os.geteuid() == os.getuid())
print(isinstance(os.getgroups(), list))
