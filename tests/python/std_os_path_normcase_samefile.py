import os, tempfile
print(os.path.normcase('/A/b'))
d = tempfile.mkdtemp()
print(os.path.samefile(d, d + '/.'))
os.rmdir(d)
