import glob, os, tempfile, shutil
d = tempfile.mkdtemp()
for p in ['x/a.conf', 'x/b.conf', 'y/c.conf', 'y/skip.txt']:
    os.makedirs(os.path.join(d, os.path.dirname(p)), exist_ok=True)
    open(os.path.join(d, p), 'w').close()
print(sorted(os.path.relpath(p, d) for p in glob.glob(d + '/*/*.conf')))
print(sorted(os.path.relpath(p, d) for p in glob.glob(d + '/*/')))
print(glob.glob(d + '/nonexistent/*'))
shutil.rmtree(d)
