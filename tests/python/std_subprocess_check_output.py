import subprocess
print(subprocess.check_output(['echo', 'hi']))
print(subprocess.check_output(['printf', 'a\\nb']).decode())
print(subprocess.check_output('echo $((1+2))', shell=True))
