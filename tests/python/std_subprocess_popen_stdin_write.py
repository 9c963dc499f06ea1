import subprocess
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
p.stdin.write(b'abc\n')
p.stdin.close()
print(p.stdout.read())
print(p.wait())
