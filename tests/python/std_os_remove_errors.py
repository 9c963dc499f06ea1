import os, tempfile
d = tempfile.mkdtemp()
try:
    os.remove(d)
except IsADirectoryError as e:
    print('IsADirectoryError', e.errno)
except PermissionError as e:
    print('PermissionError', e.errno)
try:
    os.rmdir('/nonexistent-gobake/q')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.strerror)
os.rmdir(d)
