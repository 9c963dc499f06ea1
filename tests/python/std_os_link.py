import os, tempfile, shutil
d = tempfile.mkdtemp()
a = os.path.join(d, 'a')
with open(a, 'w') as f:
    f.write('x')
os.link(a, os.path.join(d, 'b'))
print(os.stat(a).st_nlink, os.stat(a).st_ino == os.stat(os.path.join(d, 'b')).st_ino)
shutil.rmtree(d)
