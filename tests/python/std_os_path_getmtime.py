import os, tempfile
fd, p = tempfile.mkstemp()
os.close(fd)
os.utime(p, (100, 200))
print(os.path.getmtime(p), os.path.getatime(p))
os.utime(p, ns=(1500000000123456789, 1600000000987654321))
st = os.stat(p)
print(st.st_mtime_ns, st.st_atime_ns)
os.remove(p)
