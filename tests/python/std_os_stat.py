import os, stat, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, 'f')
with open(p, 'w') as f:
    f.write('abc')
os.chmod(p, 0o640)
st = os.stat(p)
print(st.st_size, oct(stat.S_IMODE(st.st_mode)), stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode))
print(st[stat.ST_SIZE], st.st_mode == st[0])
print(stat.S_ISDIR(os.stat(d).st_mode))
os.remove(p)
os.rmdir(d)
