import subprocess
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b'piped data')
print(out, err, p.returncode)
