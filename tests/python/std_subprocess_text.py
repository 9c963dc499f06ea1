import subprocess
print(repr(subprocess.check_output(['echo', 'x'], universal_newlines=True)))
print(repr(subprocess.check_output(['echo', 'y'], text=True)))
