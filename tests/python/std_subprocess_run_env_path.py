import subprocess
r = subprocess.run(['env'], env={'ONLY': 'this', 'PATH': '/usr/bin:/bin'}, stdout=subprocess.PIPE, text=True)
print(sorted(r.stdout.split()))
