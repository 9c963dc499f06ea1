import subprocess, tempfile, os
fd, p = tempfile.mkstemp()
os.write(fd, b'from file\n')
os.close(fd)
with open(p) as f:
    print(subprocess.check_output(['cat'], stdin=f))
os.remove(p)
