import os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, 'f')
with open(p, 'w') as f:
    f.write('hello')
print(os.path.getsize(p))
os.remove(p)
os.rmdir(d)
