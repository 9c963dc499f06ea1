import subprocess, tempfile, os
d = tempfile.mkdtemp()
s = os.path.join(d, 'run.sh')
with open(s, 'w') as f:
    f.write('#!/bin/sh\necho ran in $(basename $(pwd))\n')
os.chmod(s, 0o755)
print(subprocess.check_output(['./run.sh'], cwd=d).decode().replace(os.path.basename(d), 'D'))
os.remove(s)
os.rmdir(d)
