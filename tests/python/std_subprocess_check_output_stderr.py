import subprocess
try:
    subprocess.check_output(['sh', '-c', 'echo err >&2; exit 1'], stderr=subprocess.PIPE)
except subprocess.CalledProcessError as e:
    print(e.returncode, e.stderr, e.output)
