import subprocess
out = subprocess.check_output(['sh', '-c', 'echo a; echo b >&2'], stderr=subprocess.STDOUT)
print(sorted(out.split()))
