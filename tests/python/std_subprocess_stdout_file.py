import subprocess, tempfile, os
fd, p = tempfile.mkstemp()
os.close(fd)
with open(p, 'w') as f:
    subprocess.check_call(['echo', 'to file'], stdout=f)
print(open(p).read())
os.remove(p)
