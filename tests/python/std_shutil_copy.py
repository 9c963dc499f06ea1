import os, shutil, tempfile
d = tempfile.mkdtemp()
src = os.path.join(d, 'src.txt')
with open(src, 'w') as f:
    f.write('content')
os.chmod(src, 0o600)
shutil.copyfile(src, os.path.join(d, 'c1'))
shutil.copy(src, os.path.join(d, 'c2'))
os.mkdir(os.path.join(d, 'dir'))
r = shutil.copy(src, os.path.join(d, 'dir'))
print(os.path.relpath(r, d))
print(open(os.path.join(d, 'c1')).read(), oct(os.stat(os.path.join(d, 'c2')).st_mode & 0o777))
shutil.rmtree(d)
