import os, shutil, tempfile
d = tempfile.mkdtemp()
os.makedirs(os.path.join(d, 's'))
with open(os.path.join(d, 's', 'f'), 'w') as f:
    f.write('x')
os.symlink('f', os.path.join(d, 's', 'l'))
shutil.copytree(os.path.join(d, 's'), os.path.join(d, 'a'), symlinks=True)
shutil.copytree(os.path.join(d, 's'), os.path.join(d, 'b'))
print(os.path.islink(os.path.join(d, 'a', 'l')), os.path.islink(os.path.join(d, 'b', 'l')))
print(open(os.path.join(d, 'b', 'l')).read())
shutil.rmtree(d)
