import subprocess
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, universal_newlines=True)
out, _ = p.communicate('line1\nline2\n')
print(repr(out), p.returncode)
