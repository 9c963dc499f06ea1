import os, tempfile, shutil
d = tempfile.mkdtemp()
os.makedirs(os.path.join(d, 'a', 'b'))
print([os.path.relpath(r, d) for r, ds, fs in os.walk(d, topdown=False)])
print([os.path.relpath(r, d) for r, ds, fs in os.walk(d)])
shutil.rmtree(d)
