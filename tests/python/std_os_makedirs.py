import os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, 'a', 'b', 'c')
os.makedirs(p)
print(os.path.isdir(p))
os.makedirs(p, exist_ok=True)
try:
    os.makedirs(p)
except FileExistsError:
    print('exists')
os.removedirs(p) if False else None
import shutil
shutil.rmtree(d)
print(os.path.exists(d))
