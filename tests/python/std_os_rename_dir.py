import os, tempfile, shutil
d = tempfile.mkdtemp()
os.makedirs(os.path.join(d, 'a', 'x'))
os.rename(os.path.join(d, 'a'), os.path.join(d, 'b'))
print(sorted(os.listdir(d)), os.listdir(os.path.join(d, 'b')))
os.replace(os.path.join(d, 'b'), os.path.join(d, 'c'))
print(sorted(os.listdir(d)))
shutil.rmtree(d)
