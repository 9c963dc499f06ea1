import tempfile, os
fd, p = tempfile.mkstemp(suffix='.x')
print(type(fd).__name__, os.path.isfile(p), p.endswith('.x'))
os.close(fd)
os.remove(p)
