import hashlib, tempfile, os
fd, p = tempfile.mkstemp()
os.write(fd, b'x' * 100000)
os.close(fd)
h = hashlib.sha256()
with open(p, 'rb') as f:
    for chunk in iter(lambda: f.read(4096), b''):
        h.update(chunk)
print(h.hexdigest())
os.remove(p)
