import subprocess
with subprocess.Popen(['echo', 'ctx'], stdout=subprocess.PIPE) as p:
    out = p.stdout.read()
print(out, p.returncode)
