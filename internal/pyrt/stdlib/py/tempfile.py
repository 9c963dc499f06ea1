"""tempfile: temporary files and directories (gobake)."""
import os as _os
import shutil as _shutil

__all__ = ['NamedTemporaryFile', 'TemporaryFile', 'TemporaryDirectory', 'mkstemp', 'mkdtemp',
           'mktemp', 'gettempdir', 'gettempprefix', 'tempdir', 'template']

template = 'tmp'
tempdir = None
TMP_MAX = 10000
_chars = 'abcdefghijklmnopqrstuvwxyz0123456789_'


def _rand_name():
    import posix
    return posix._randname()


def gettempprefix():
    return template


def gettempdir():
    global tempdir
    if tempdir is None:
        for envname in ('TMPDIR', 'TEMP', 'TMP'):
            d = _os.getenv(envname)
            if d and _os.path.isdir(d):
                tempdir = _os.path.abspath(d)
                break
        else:
            for d in ('/tmp', '/var/tmp', '/usr/tmp', _os.getcwd()):
                if _os.path.isdir(d):
                    tempdir = d
                    break
    return tempdir


def _sanitize(suffix, prefix, dir):
    if suffix is None:
        suffix = ''
    if prefix is None:
        prefix = template
    if dir is None:
        dir = gettempdir()
    return suffix, prefix, _os.fspath(dir)


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    suffix, prefix, dir = _sanitize(suffix, prefix, dir)
    for i in range(TMP_MAX):
        name = _os.path.join(dir, prefix + _rand_name() + suffix)
        try:
            fd = _os.open(name, _os.O_RDWR | _os.O_CREAT | _os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        return fd, _os.path.abspath(name)
    raise FileExistsError(17, 'No usable temporary file name found')


def mkdtemp(suffix=None, prefix=None, dir=None):
    suffix, prefix, dir = _sanitize(suffix, prefix, dir)
    for i in range(TMP_MAX):
        name = _os.path.join(dir, prefix + _rand_name() + suffix)
        try:
            _os.mkdir(name, 0o700)
        except FileExistsError:
            continue
        return _os.path.abspath(name)
    raise FileExistsError(17, 'No usable temporary directory name found')


def mktemp(suffix='', prefix=template, dir=None):
    if dir is None:
        dir = gettempdir()
    for i in range(TMP_MAX):
        name = _os.path.join(dir, prefix + _rand_name() + suffix)
        if not _os.path.lexists(name):
            return name
    raise FileExistsError(17, 'No usable temporary filename found')


class _TemporaryFileWrapper(object):
    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def write(self, s):
        return self.file.write(s)

    def writelines(self, lines):
        return self.file.writelines(lines)

    def read(self, *a):
        return self.file.read(*a)

    def readline(self, *a):
        return self.file.readline(*a)

    def readlines(self, *a):
        return self.file.readlines(*a)

    def seek(self, *a):
        return self.file.seek(*a)

    def tell(self):
        return self.file.tell()

    def flush(self):
        return self.file.flush()

    def fileno(self):
        return self.file.fileno()

    @property
    def closed(self):
        return self._closed

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()
        return False

    def __iter__(self):
        return iter(self.file)

    def close(self):
        if not self._closed:
            self._closed = True
            try:
                self.file.close()
            finally:
                if self.delete:
                    try:
                        _os.unlink(self.name)
                    except FileNotFoundError:
                        pass


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None,
                       prefix=None, dir=None, delete=True, *, errors=None):
    fd, name = mkstemp(suffix, prefix, dir)
    _os.close(fd)
    f = open(name, mode.replace('x', 'w') if 'w' in mode or 'x' in mode else 'r+' + ('b' if 'b' in mode else ''))
    return _TemporaryFileWrapper(f, name, delete)


def TemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None, prefix=None,
                  dir=None, *, errors=None):
    return NamedTemporaryFile(mode, buffering, encoding, newline, suffix, prefix, dir, True)


class TemporaryDirectory(object):
    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors

    def __repr__(self):
        return '<%s %r>' % (self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()
        return False

    def cleanup(self):
        if _os.path.lexists(self.name):
            _shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)
