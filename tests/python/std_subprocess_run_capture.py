import subprocess
r = subprocess.run(['echo', 'cap'], capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr))
