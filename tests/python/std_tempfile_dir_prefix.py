import tempfile, os, shutil
base = tempfile.mkdtemp()
d = tempfile.mkdtemp(prefix='x-', dir=base)
fd, p = tempfile.mkstemp(prefix='f-', suffix='.log', dir=d)
os.close(fd)
print(os.path.basename(d)[:2], os.path.basename(p)[:2], p.endswith('.log'), os.path.dirname(p) == d)
print(oct(os.stat(d).st_mode & 0o777), oct(os.stat(p).st_mode & 0o777))
shutil.rmtree(base)
