import os, tempfile, shutil
d = tempfile.mkdtemp()
os.mkdir(os.path.join(d, 'sub'))
open(os.path.join(d, 'file'), 'w').close()
for e in sorted(os.scandir(d), key=lambda e: e.name):
    print(e.name, e.is_dir(), e.is_file(), e.path == os.path.join(d, e.name))
shutil.rmtree(d)
