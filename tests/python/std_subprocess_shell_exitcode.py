import subprocess
try:
    subprocess.check_call('exit 5', shell=True)
except subprocess.CalledProcessError as e:
    print(e.returncode, e.cmd)
print(subprocess.call('true && false', shell=True))
