import subprocess
try:
    subprocess.check_output(['gobake-no-such-command-xyz'])
except FileNotFoundError as e:
    print('not found', e.errno, e.filename)
except OSError as e:
    print('oserror', e.errno)
