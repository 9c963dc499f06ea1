import subprocess
try:
    subprocess.run(['true'], cwd='/nonexistent-gobake-dir')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)
