import subprocess
print(subprocess.call(['echo', 'hidden'], stdout=subprocess.DEVNULL))
