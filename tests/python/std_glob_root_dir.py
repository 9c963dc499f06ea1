import glob, os, tempfile, shutil
d = tempfile.mkdtemp()
os.makedirs(os.path.join(d, 'sub'))
open(os.path.join(d, 'sub', 'a.txt'), 'w').close()
print(glob.glob('sub/*.txt', root_dir=d))
print(glob.glob('*', root_dir=d))
shutil.rmtree(d)
