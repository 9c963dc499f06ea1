import glob, os, tempfile, shutil
d = tempfile.mkdtemp()
os.makedirs(os.path.join(d, 'a', 'b'))
for p in ['x.py', 'a/y.py', 'a/b/z.py']:
    open(os.path.join(d, p), 'w').close()
print(sorted(os.path.relpath(p, d) for p in glob.glob(os.path.join(d, '**', '*.py'), recursive=True)))
print(sorted(os.path.relpath(p, d) for p in glob.glob(os.path.join(d, '*', '*.py'))))
shutil.rmtree(d)
