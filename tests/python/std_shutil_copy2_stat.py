import os, shutil, tempfile
d = tempfile.mkdtemp()
s = os.path.join(d, 's')
with open(s, 'w') as f:
    f.write('1')
os.utime(s, (1000, 2000))
shutil.copy2(s, os.path.join(d, 'c'))
st = os.stat(os.path.join(d, 'c'))
print(int(st.st_mtime), open(os.path.join(d, 'c')).read())
shutil.rmtree(d)
