import subprocess
print(subprocess.call(['sh', '-c', 'exit 4']))
print(subprocess.call(['true']))
print(subprocess.check_call(['true']))
