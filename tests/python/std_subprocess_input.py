import subprocess
print(subprocess.check_output(['tr', 'a-z', 'A-Z'], input=b'hello'))
print(subprocess.run(['cat'], input='txt', capture_output=True, text=True).stdout)
