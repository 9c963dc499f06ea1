import os, tempfile
d = tempfile.mkdtemp()
for n in ['b', 'a', 'c']:
    open(os.path.join(d, n), 'w').close()
print(sorted(os.listdir(d)))
for n in os.listdir(d):
    os.remove(os.path.join(d, n))
os.rmdir(d)
