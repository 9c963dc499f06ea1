import os, stat, tempfile, shutil
d = tempfile.mkdtemp()
old = os.umask(0)
os.makedirs(os.path.join(d, 'm', 'n'), mode=0o750)
os.umask(old)
print(oct(stat.S_IMODE(os.stat(os.path.join(d, 'm', 'n')).st_mode)))
shutil.rmtree(d)
