import os, shutil, tempfile
d = tempfile.mkdtemp()
os.makedirs(os.path.join(d, 'x', 'y', 'z'))
open(os.path.join(d, 'x', 'f'), 'w').close()
shutil.rmtree(d)
print(os.path.exists(d))
shutil.rmtree(d, ignore_errors=True)
try:
    shutil.rmtree(d)
except FileNotFoundError:
    print('missing')
