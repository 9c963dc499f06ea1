import subprocess
p = subprocess.Popen(['printf', 'l1\\nl2\\n'], stdout=subprocess.PIPE)
for line in p.stdout:
    print(line)
p.wait()
print(p.returncode)
