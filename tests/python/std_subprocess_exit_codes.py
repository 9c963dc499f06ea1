import subprocess
for c in (0, 1, 2, 127, 255):
    print(subprocess.run(['sh', '-c', 'exit %d' % c]).returncode)
