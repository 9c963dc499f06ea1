import os, tempfile, shutil
d = tempfile.mkdtemp()
os.makedirs(os.path.join(d, 'x', 'y'))
open(os.path.join(d, 'f1'), 'w').close()
open(os.path.join(d, 'x', 'f2'), 'w').close()
open(os.path.join(d, 'x', 'y', 'f3'), 'w').close()
for root, dirs, files in sorted(os.walk(d)):
    print(os.path.relpath(root, d), sorted(dirs), sorted(files))
shutil.rmtree(d)
