import subprocess
print(subprocess.check_output('printf "b\\na\\n" | sort', shell=True).decode().split())
