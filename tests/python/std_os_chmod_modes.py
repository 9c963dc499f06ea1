import os, stat, tempfile
fd, p = tempfile.mkstemp()
os.close(fd)
for m in (0o600, 0o755, 0o444):
    os.chmod(p, m)
    print(oct(stat.S_IMODE(os.stat(p).st_mode)))
os.remove(p)
