"""threading (gobake). pyrt runs one Python thread per interpreter: Thread.start() runs the
target to completion before returning, locks never contend, and events are plain flags.
This keeps metadata that only sets threads up (OE's ThreadedPool) working, in order."""

__all__ = ['Thread', 'Lock', 'RLock', 'Event', 'Condition', 'Semaphore', 'BoundedSemaphore',
           'current_thread', 'main_thread', 'active_count', 'enumerate', 'get_ident', 'local',
           'Timer']

_counter = [0]


def _newname(template='Thread-%d'):
    _counter[0] += 1
    return template % _counter[0]


def get_ident():
    return 1


class Lock(object):
    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if self._locked:
            if not blocking or timeout >= 0:
                return False
            raise RuntimeError('deadlock: lock already held by the only thread')
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError('release unlocked lock')
        self._locked = False

    def locked(self):
        return self._locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


class RLock(object):
    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        self._count += 1
        return True

    def release(self):
        if self._count == 0:
            raise RuntimeError('cannot release un-acquired lock')
        self._count -= 1

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


class Condition(object):
    def __init__(self, lock=None):
        self._lock = lock if lock is not None else RLock()

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        return self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def wait(self, timeout=None):
        return False

    def wait_for(self, predicate, timeout=None):
        return predicate()

    def notify(self, n=1):
        pass

    def notify_all(self):
        pass


class Semaphore(object):
    def __init__(self, value=1):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if self._value == 0:
            return False
        self._value -= 1
        return True

    def release(self, n=1):
        self._value += n

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial = value

    def release(self, n=1):
        if self._value + n > self._initial:
            raise ValueError('Semaphore released too many times')
        self._value += n


class Event(object):
    def __init__(self):
        self._flag = False

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        return self._flag


class Thread(object):
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        self._target = target
        self._name = str(name) if name else _newname()
        self._args = args
        self._kwargs = kwargs if kwargs is not None else {}
        self.daemon = bool(daemon)
        self._started = False
        self._done = False
        self.ident = None

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = str(value)

    def getName(self):
        return self._name

    def setName(self, name):
        self._name = str(name)

    def start(self):
        if self._started:
            raise RuntimeError('threads can only be started once')
        self._started = True
        self.ident = get_ident()
        try:
            self.run()
        finally:
            self._done = True

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError('cannot join thread before it is started')

    def is_alive(self):
        return self._started and not self._done

    def __repr__(self):
        status = 'initial'
        if self._started:
            status = 'started'
        if self._done:
            status = 'stopped'
        return '<%s(%s, %s)>' % (self.__class__.__name__, self._name, status)


class Timer(Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name='MainThread')
        self._started = True
        self.ident = get_ident()


_main = _MainThread()


def current_thread():
    return _main


currentThread = current_thread


def main_thread():
    return _main


def active_count():
    return 1


def enumerate():
    return [_main]


class local(object):
    pass
