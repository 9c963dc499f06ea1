import subprocess
p = subprocess.Popen(['printf', 'a\\nb\\nc'], stdout=subprocess.PIPE, text=True)
print(p.stdout.readlines())
p.wait()
p = subprocess.Popen(['printf', 'x\\ny\\n'], stdout=subprocess.PIPE)
print(p.stdout.readline(), p.stdout.readline(), p.stdout.readline())
p.wait()
