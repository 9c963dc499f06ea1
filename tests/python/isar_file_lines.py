# Reading files line by line as Isar's classes do (squashfs.bbclass reads /proc/meminfo with
# readlines(), bootstrap.bbclass iterates over apt sources lists).
import os
import tempfile

d = tempfile.mkdtemp()
p = os.path.join(d, 'sources.list')
with open(p, 'w') as f:
    f.write('deb http://deb.debian.org/debian bookworm main\n# comment\n\ndeb-src http://x/y /\nlast')
with open(p) as f:
    print(f.readlines())
with open(p, 'r') as f:
    for line in f:
        print(repr(line))
with open(p) as f:
    print(repr(f.readline()), repr(f.read(5)), repr(f.readline()), f.tell() > 0)
    f.seek(0)
    print(repr(f.read(3)), repr(f.readline(4)), f.name == p, f.mode)
with open(p, 'rb') as f:
    first = f.readline()
    print(type(first).__name__, len(first), len(f.readlines()))
with open(p, 'a') as f:
    f.writelines(['\nx', 'y\n'])
with open(p) as f:
    lines = f.read().splitlines()
print(lines[-2:], len(lines))
with open('/proc/meminfo') as meminfo:
    print(any(l.startswith('MemAvailable:') for l in meminfo.readlines()))
os.remove(p)
os.rmdir(d)
