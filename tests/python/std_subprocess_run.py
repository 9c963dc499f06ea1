import subprocess
r = subprocess.run(['sh', '-c', 'echo o; echo e >&2; exit 2'], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
print(r.returncode, r.stdout, r.stderr)
r = subprocess.run(['true'])
print(r.returncode, r.stdout)
