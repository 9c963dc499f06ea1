import os, shutil, tempfile
d = tempfile.mkdtemp()
open(os.path.join(d, 'a'), 'w').close()
os.mkdir(os.path.join(d, 'dst'))
shutil.move(os.path.join(d, 'a'), os.path.join(d, 'dst'))
print(sorted(os.listdir(os.path.join(d, 'dst'))), os.path.exists(os.path.join(d, 'a')))
shutil.move(os.path.join(d, 'dst'), os.path.join(d, 'dst2'))
print(sorted(os.listdir(d)))
shutil.rmtree(d)
