import tempfile, os
d = tempfile.mkdtemp(prefix='gb-', suffix='.d')
print(os.path.isdir(d), os.path.basename(d).startswith('gb-'), d.endswith('.d'))
os.rmdir(d)
