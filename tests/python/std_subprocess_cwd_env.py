import subprocess, os
print(subprocess.check_output(['pwd'], cwd='/').strip())
env = dict(os.environ)
env['GB_SUB'] = 'vv'
print(subprocess.check_output('echo $GB_SUB', shell=True, env=env))
