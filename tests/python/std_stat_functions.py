import stat
print(stat.S_ISDIR(0o40755), stat.S_ISREG(0o100644), stat.S_ISLNK(0o120777))
print(stat.S_IMODE(0o100755), stat.S_IFMT(0o100755) == stat.S_IFREG)
print(stat.filemode(0o100644), stat.filemode(0o40755), stat.filemode(0o120777))
print(stat.S_IRUSR | stat.S_IWUSR | stat.S_IXGRP)
