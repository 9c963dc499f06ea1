import os, tempfile, shutil
d = os.path.realpath(tempfile.mkdtemp())
os.makedirs(os.path.join(d, 'real', 'sub'))
os.symlink('real', os.path.join(d, 'link'))
print(os.path.relpath(os.path.realpath(os.path.join(d, 'link', 'sub')), d))
print(os.path.relpath(os.path.realpath(os.path.join(d, 'link', '..', 'x')), d))
print(os.path.realpath('/') )
shutil.rmtree(d)
