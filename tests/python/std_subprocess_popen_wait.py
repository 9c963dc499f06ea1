import subprocess
p = subprocess.Popen(['sh', '-c', 'exit 7'])
print(p.wait(), p.returncode, p.poll())
