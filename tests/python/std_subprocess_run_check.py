import subprocess
try:
    subprocess.run(['false'], check=True)
except subprocess.CalledProcessError as e:
    print('failed', e.returncode)
