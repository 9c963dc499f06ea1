import os, tempfile, shutil
d = tempfile.mkdtemp()
os.symlink('/some/target', os.path.join(d, 'l'))
print(os.readlink(os.path.join(d, 'l')))
print(os.path.islink(os.path.join(d, 'l')), os.path.exists(os.path.join(d, 'l')))
shutil.rmtree(d)
