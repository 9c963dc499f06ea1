import os, stat, tempfile, shutil
d = tempfile.mkdtemp()
os.symlink('missing-target', os.path.join(d, 'l'))
st = os.lstat(os.path.join(d, 'l'))
print(stat.S_ISLNK(st.st_mode), st.st_size)
try:
    os.stat(os.path.join(d, 'l'))
except FileNotFoundError:
    print('dangling')
shutil.rmtree(d)
