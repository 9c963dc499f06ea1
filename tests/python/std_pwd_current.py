import pwd, os
p = pwd.getpwuid(os.getuid())
print(p.pw_uid == os.getuid(), p.pw_name == pwd.getpwnam(p.pw_name).pw_name)
print(len(p))
