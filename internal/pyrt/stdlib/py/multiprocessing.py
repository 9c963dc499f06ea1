"""multiprocessing: only cpu_count (gobake runs no Python worker processes)."""
import posix as _posix


def cpu_count():
    return _posix.cpu_count()


class Pool(object):
    """A serial stand-in for multiprocessing.Pool."""

    def __init__(self, processes=None, *args, **kwargs):
        self._processes = processes

    def map(self, func, iterable, chunksize=None):
        return [func(x) for x in iterable]

    def imap(self, func, iterable, chunksize=1):
        return iter([func(x) for x in iterable])

    imap_unordered = imap

    def starmap(self, func, iterable, chunksize=None):
        return [func(*x) for x in iterable]

    def apply(self, func, args=(), kwds={}):
        return func(*args, **kwds)

    def close(self):
        pass

    def terminate(self):
        pass

    def join(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False
