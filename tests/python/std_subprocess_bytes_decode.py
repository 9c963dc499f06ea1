import subprocess
out = subprocess.check_output(['echo', 'héllo'])
print(out.decode('utf-8').strip())
print(len(out))
