import subprocess
r = subprocess.run(['sh', '-c', 'printf "a\\r\\nb"; printf "e" >&2'], capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr))
