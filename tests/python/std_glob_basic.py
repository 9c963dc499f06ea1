import glob, os, tempfile, shutil
d = tempfile.mkdtemp()
for n in ['a.txt', 'b.txt', 'c.log', '.hidden.txt']:
    open(os.path.join(d, n), 'w').close()
print(sorted(os.path.basename(p) for p in glob.glob(os.path.join(d, '*.txt'))))
print(sorted(os.path.basename(p) for p in glob.glob(os.path.join(d, '?.log'))))
print(sorted(os.path.basename(p) for p in glob.glob(os.path.join(d, '[ab].*'))))
print(glob.glob(os.path.join(d, 'none*')))
shutil.rmtree(d)
