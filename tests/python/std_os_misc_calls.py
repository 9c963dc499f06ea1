import os, shutil
st = os.statvfs('/')
print(st.f_bsize > 0, len(st))
u = shutil.disk_usage('/')
print(u.total >= u.free, u.total > 0)
print(os.major(os.makedev(8, 1)), os.minor(os.makedev(8, 1)))
with os.popen('echo popen') as f:
    print(f.read())
print(os.popen('exit 3').close())
print(len(os.sched_getaffinity(0)) == os.cpu_count())
