import subprocess
print(subprocess.list2cmdline(['a', 'b c', 'd"e']))
