"""io: in-memory streams and open() (gobake)."""
import builtins as _builtins

open = _builtins.open
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


class _Memory(object):
    def __init__(self, initial, empty):
        self._empty = empty
        self._buf = initial if initial is not None else empty
        self._pos = 0
        self.closed = False

    def _check(self):
        if self.closed:
            raise ValueError('I/O operation on closed file.')

    def getvalue(self):
        self._check()
        return self._buf

    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            r = self._buf[self._pos:]
            self._pos = len(self._buf)
        else:
            r = self._buf[self._pos:self._pos + size]
            self._pos += len(r)
        return r

    def readline(self, size=-1):
        self._check()
        nl = '\n' if isinstance(self._empty, str) else b'\n'
        i = self._buf.find(nl, self._pos)
        end = len(self._buf) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        r = self._buf[self._pos:end]
        self._pos = end
        return r

    def readlines(self, hint=-1):
        out = []
        while True:
            line = self.readline()
            if len(line) == 0:
                return out
            out.append(line)

    def __iter__(self):
        return iter(self.readlines())

    def __next__(self):
        line = self.readline()
        if len(line) == 0:
            raise StopIteration
        return line

    def write(self, s):
        self._check()
        if not isinstance(s, type(self._empty)):
            raise TypeError('%s argument expected, got %r' % (type(self._empty).__name__, type(s).__name__))
        n = len(s)
        if self._pos > len(self._buf):
            self._buf = self._buf + self._empty.__class__(self._pos - len(self._buf)) if False else self._buf
        self._buf = self._buf[:self._pos] + s + self._buf[self._pos + n:]
        self._pos += n
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            self._pos = pos
        elif whence == 1:
            self._pos += pos
        else:
            self._pos = len(self._buf) + pos
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        self._buf = self._buf[:size]
        return size

    def flush(self):
        pass

    def close(self):
        self.closed = True

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()
        return False


class StringIO(_Memory):
    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        _Memory.__init__(self, initial_value, '')

    def __iter__(self):
        return iter(self.readlines())


class BytesIO(_Memory):
    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        _Memory.__init__(self, bytes(initial_bytes), b'')

    def getbuffer(self):
        return self._buf


class IOBase(object):
    pass


RawIOBase = BufferedIOBase = TextIOBase = IOBase
TextIOWrapper = None


def _own_specials(cls):
    for name in ('__iter__', '__next__', '__enter__', '__exit__'):
        if name not in cls.__dict__:
            setattr(cls, name, _Memory.__dict__[name])
    return cls


_own_specials(StringIO)
_own_specials(BytesIO)
