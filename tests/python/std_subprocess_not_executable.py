import subprocess, tempfile, os
fd, p = tempfile.mkstemp()
os.close(fd)
try:
    subprocess.run([p])
except PermissionError as e:
    print('PermissionError', e.errno)
os.remove(p)
