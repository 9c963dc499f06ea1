import subprocess
p = subprocess.Popen(['sleep', '0.2'])
print(p.pid > 0, p.poll())
print(p.wait(), p.poll())
