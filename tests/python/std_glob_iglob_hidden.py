import glob, os, tempfile, shutil
d = tempfile.mkdtemp()
for n in ['.h1', 'v1', 'v2']:
    open(os.path.join(d, n), 'w').close()
print(sorted(os.path.basename(p) for p in glob.iglob(os.path.join(d, '*'))))
print(sorted(os.path.basename(p) for p in glob.glob(os.path.join(d, '.*'))))
print(sorted(os.path.basename(p) for p in glob.glob(os.path.join(d, '*'), include_hidden=True)))
shutil.rmtree(d)
