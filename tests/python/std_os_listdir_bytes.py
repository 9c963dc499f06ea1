import os, tempfile, shutil
d = tempfile.mkdtemp()
open(os.path.join(d, 'f'), 'w').close()
print(os.listdir(d.encode()))
shutil.rmtree(d)
