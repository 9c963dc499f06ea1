import os, shutil, tempfile
d = tempfile.mkdtemp()
os.makedirs(os.path.join(d, 'a', 'b'))
open(os.path.join(d, 'a', 'f'), 'w').close()
open(os.path.join(d, 'a', 'b', 'g.pyc'), 'w').close()
shutil.copytree(os.path.join(d, 'a'), os.path.join(d, 'c'), ignore=shutil.ignore_patterns('*.pyc'))
for r, ds, fs in sorted(os.walk(os.path.join(d, 'c'))):
    print(os.path.relpath(r, d), sorted(ds), sorted(fs))
shutil.rmtree(d)
