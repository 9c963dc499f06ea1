import subprocess
r = subprocess.run('echo "a  b"', shell=True, stdout=subprocess.PIPE, universal_newlines=True)
print(r.args, repr(r.stdout))
