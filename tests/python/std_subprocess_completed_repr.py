import subprocess
r = subprocess.run(['true'])
print(r)
r = subprocess.run(['echo', 'x'], stdout=subprocess.PIPE)
print(r)
