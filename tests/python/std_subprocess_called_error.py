import subprocess
try:
    subprocess.check_output(['sh', '-c', 'echo out; exit 3'])
except subprocess.CalledProcessError as e:
    print(e.returncode, e.output, e.cmd)
    print(str(e))
