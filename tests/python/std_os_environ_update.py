import os
os.environ.update({'GB_U1': 'a', 'GB_U2': 'b'})
print(os.environ['GB_U1'], os.environ['GB_U2'])
print(os.environ.pop('GB_U1'), 'GB_U1' in os.environ)
print(os.environ.setdefault('GB_U3', 'c'), os.environ['GB_U3'])
import subprocess
print(subprocess.check_output('echo $GB_U2$GB_U3', shell=True))
