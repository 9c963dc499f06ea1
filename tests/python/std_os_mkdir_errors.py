import os, tempfile
d = tempfile.mkdtemp()
try:
    os.mkdir(d)
except FileExistsError as e:
    print('exists', e.errno == 17)
try:
    os.rmdir(os.path.join(d, 'nope'))
except OSError as e:
    print('rmdir', e.errno == 2)
os.rmdir(d)
