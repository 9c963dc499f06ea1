# Modules Isar's classes and OE's lib import: platform (buildstats, sstate), queue and
# threading (oe.utils.ThreadedPool), netrc (oe.sstatesig).
import os
import platform
import queue
import threading
import netrc
import tempfile

u = platform.uname()
print(platform.system(), platform.machine() == os.uname().machine, len(u), u[0], u.system == u[0])
print(repr(platform.processor()), platform.python_version().count('.'), platform.architecture()[1])
print(platform.system() == 'Darwin')

q = queue.Queue(2)
q.put(1)
q.put(2)
print(q.qsize(), q.full(), q.empty())
try:
    q.put(3, False)
except queue.Full:
    print('full')
print(q.get(), q.get_nowait(), q.empty())
try:
    q.get_nowait()
except queue.Empty:
    print('empty')
pq = queue.PriorityQueue()
for x in (5, 1, 3, 1):
    pq.put(x)
print([pq.get() for _ in range(4)])
lq = queue.LifoQueue()
lq.put('a')
lq.put('b')
print(lq.get(), lq.get())

results = []


def work(n, scale=1):
    results.append(n * scale)


ts = [threading.Thread(target=work, args=(i,), kwargs={'scale': 10}) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results), [t.is_alive() for t in ts])
lock = threading.Lock()
with lock:
    print(lock.locked())
print(lock.locked())
ev = threading.Event()
print(ev.is_set())
ev.set()
print(ev.is_set(), ev.wait(1))
print(threading.current_thread().name, threading.active_count())

d = tempfile.mkdtemp()
path = os.path.join(d, 'netrc')
with open(path, 'w') as f:
    f.write('machine example.com login joe password "se cret"\n'
            '# a comment\n'
            '#another\n'
            'machine other account acc login ann password pw\n'
            'default login anon password x\n')
try:
    netrc.netrc(path)
except netrc.NetrcParseError as e:
    print('quoted then comment:', e.msg, e.lineno)
with open(path, 'w') as f:
    f.write('machine example.com login joe password secret\n'
            '# a comment\n'
            'machine other account acc login ann password pw\n'
            'default login anon password x\n')
n = netrc.netrc(path)
print(n.authenticators('example.com'), n.authenticators('other'), n.authenticators('nohost'))
print(sorted(n.hosts))
print(repr(n).splitlines())
with open(path, 'w') as f:
    f.write('machine h login a\n\n\nmacdef m\nline1\nline2\n\nmachine h2 bogus x\n')
try:
    netrc.netrc(path)
except netrc.NetrcParseError as e:
    print('error', e.msg, e.lineno)
os.remove(path)
os.rmdir(d)
