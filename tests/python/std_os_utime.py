import os, tempfile
fd, p = tempfile.mkstemp()
os.close(fd)
os.utime(p, (1000000000, 1500000000))
st = os.stat(p)
print(int(st.st_mtime), int(st.st_atime))
os.remove(p)
