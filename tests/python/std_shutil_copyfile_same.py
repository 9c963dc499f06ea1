import os, shutil, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, 'f')
open(p, 'w').close()
try:
    shutil.copyfile(p, p)
except shutil.SameFileError:
    print('SameFileError')
shutil.rmtree(d)
