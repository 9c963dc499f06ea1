import subprocess
p = subprocess.Popen(['sleep', '10'])
p.kill()
print(p.wait())
