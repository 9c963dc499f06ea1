import subprocess
print(subprocess.getstatusoutput('echo hi; exit 1'))
print(subprocess.getoutput('echo there'))
