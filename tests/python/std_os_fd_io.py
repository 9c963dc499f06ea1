import os, tempfile
fd, p = tempfile.mkstemp()
os.write(fd, b'hello fd')
os.close(fd)
fd = os.open(p, os.O_RDONLY)
print(os.read(fd, 5))
os.close(fd)
os.remove(p)
