import json, tempfile, os
fd, p = tempfile.mkstemp()
os.close(fd)
with open(p, 'w') as f:
    json.dump({'k': [1, 2]}, f)
with open(p) as f:
    print(json.load(f))
os.remove(p)
