"""os: operating system interfaces (gobake, on the Go-backed posix module)."""
import posix as _posix
from posix import (stat as _pstat, lstat as _plstat, listdir, mkdir, rmdir, unlink, remove,
                   chdir, rename, replace, link, symlink, readlink, chmod, chown, lchown, utime,
                   access, getcwd, umask, getpid, getppid, getuid, geteuid, getgid, getegid,
                   cpu_count, getgroups, kill, strerror, open, close, dup, read, write, pipe,
                   fsync, isatty, urandom, _exit, mkfifo, truncate, dup2, major, minor,
                   F_OK, R_OK, W_OK, X_OK, O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL,
                   O_TRUNC, O_APPEND, O_NONBLOCK, O_CLOEXEC, O_DIRECTORY, O_NOFOLLOW, O_SYNC,
                   WNOHANG)
import posixpath as path

name = 'posix'
__path__ = []  # lets 'import os.path' find the registered os.path module
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
curdir = '.'
pardir = '..'
linesep = '\n'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
EX_OK = 0
error = OSError


class stat_result(object):
    """Result of stat(): indexable like a 10-tuple, with st_* attributes."""
    _fields = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size')

    def __init__(self, t):
        self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid, self.st_gid, self.st_size = t[:7]
        self.st_atime_ns, self.st_mtime_ns, self.st_ctime_ns = t[7], t[8], t[9]
        self.st_blksize, self.st_blocks, self.st_rdev = t[10], t[11], t[12]
        self.st_atime = _nsfloat(t[7])
        self.st_mtime = _nsfloat(t[8])
        self.st_ctime = _nsfloat(t[9])

    def _tuple(self):
        return (self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid, self.st_gid,
                self.st_size, self.st_atime_ns // 1000000000, self.st_mtime_ns // 1000000000,
                self.st_ctime_ns // 1000000000)

    def __getitem__(self, i):
        return self._tuple()[i]

    def __len__(self):
        return 10

    def __iter__(self):
        return iter(self._tuple())

    def __eq__(self, other):
        if isinstance(other, stat_result):
            return self._tuple() == other._tuple()
        return self._tuple() == other

    def __repr__(self):
        t = self._tuple()
        names = self._fields + ('st_atime', 'st_mtime', 'st_ctime')
        return 'os.stat_result(' + ', '.join([names[i] + '=' + repr(t[i]) for i in range(10)]) + ')'


def _nsfloat(ns):
    return (ns // 1000000000) + (ns % 1000000000) * 1e-9


def stat(path, *, dir_fd=None, follow_symlinks=True):
    return stat_result(_pstat(fspath(path), follow_symlinks=follow_symlinks))


def lstat(path, *, dir_fd=None):
    return stat_result(_plstat(fspath(path)))


def fstat(fd):
    return stat_result(_pstat(fd))


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), '__fspath__', None)
    if f is None:
        raise TypeError('expected str, bytes or os.PathLike object, not ' + type(p).__name__)
    return f(p)


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


class _Environ(object):
    """os.environ: a mapping kept in step with the process environment."""

    def __init__(self):
        self._data = {}
        for k, v in _posix.environ():
            self._data[k] = v

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError('str expected, not ' + type(key).__name__)
        if not isinstance(value, str):
            raise TypeError('str expected, not ' + type(value).__name__)
        _posix.putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        if key not in self._data:
            raise KeyError(key)
        _posix.unsetenv(key)
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other._data
        return self._data == other

    def __repr__(self):
        return 'environ(' + repr(self._data) + ')'

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value=None):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def pop(self, key, *default):
        if key in self._data:
            v = self._data[key]
            del self[key]
            return v
        if default:
            return default[0]
        raise KeyError(key)

    def update(self, *args, **kwargs):
        for other in args:
            if hasattr(other, 'keys'):
                for k in other.keys():
                    self[k] = other[k]
            else:
                for k, v in other:
                    self[k] = v
        for k in kwargs:
            self[k] = kwargs[k]

    def clear(self):
        for k in list(self._data):
            del self[k]


environ = _Environ()


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    _posix.putenv(key, value)


def unsetenv(key):
    _posix.unsetenv(key)


def get_exec_path(env=None):
    if env is None:
        env = environ
    p = env.get('PATH', defpath)
    return p.split(pathsep)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


class DirEntry(object):
    """An entry yielded by scandir()."""

    def __init__(self, dirpath, name):
        self.name = name
        if dirpath == '.' and not isinstance(dirpath, bytes):
            self.path = name if dirpath is None else path.join(dirpath, name)
        else:
            self.path = path.join(dirpath, name)
        self._lstat = None
        self._stat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return '<DirEntry ' + repr(self.name) + '>'

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def is_symlink(self):
        try:
            return (self.stat(follow_symlinks=False).st_mode & 0o170000) == 0o120000
        except OSError:
            return False

    def is_dir(self, *, follow_symlinks=True):
        try:
            return (self.stat(follow_symlinks=follow_symlinks).st_mode & 0o170000) == 0o040000
        except OSError:
            return False

    def is_file(self, *, follow_symlinks=True):
        try:
            return (self.stat(follow_symlinks=follow_symlinks).st_mode & 0o170000) == 0o100000
        except OSError:
            return False


class _ScandirIterator(object):
    def __init__(self, p):
        entries = []
        for n in listdir(p):
            entries.append(DirEntry(p, n))
        self._entries = entries
        self._i = 0

    def __iter__(self):
        return iter(self._entries[self._i:])

    def __next__(self):
        if self._i >= len(self._entries):
            raise StopIteration
        e = self._entries[self._i]
        self._i += 1
        return e

    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False

    def close(self):
        self._i = len(self._entries)


def scandir(p='.'):
    return _ScandirIterator(fspath(p))


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    nondirs = []
    for n in names:
        full = path.join(top, n)
        if path.isdir(full):
            dirs.append(n)
        else:
            nondirs.append(n)
    if topdown:
        yield top, dirs, nondirs
        for n in dirs:
            new = path.join(top, n)
            if followlinks or not path.islink(new):
                for x in walk(new, topdown, onerror, followlinks):
                    yield x
    else:
        for n in dirs:
            new = path.join(top, n)
            if followlinks or not path.islink(new):
                for x in walk(new, topdown, onerror, followlinks):
                    yield x
        yield top, dirs, nondirs


class uname_result(object):
    def __init__(self, t):
        self.sysname, self.nodename, self.release, self.version, self.machine = t

    def __getitem__(self, i):
        return (self.sysname, self.nodename, self.release, self.version, self.machine)[i]

    def __iter__(self):
        return iter((self.sysname, self.nodename, self.release, self.version, self.machine))

    def __len__(self):
        return 5


def uname():
    return uname_result(_posix.uname())


def getlogin():
    import pwd
    return pwd.getpwuid(getuid()).pw_name


def system(command):
    import subprocess
    return subprocess.call(command, shell=True) << 8


def fdopen(fd, *args, **kwargs):
    import io
    return io.open(fd, *args, **kwargs)


def get_terminal_size(fd=1):
    raise OSError(25, 'Inappropriate ioctl for device')


def getloadavg():
    with io_open('/proc/loadavg') as f:
        parts = f.read().split()
    return (float(parts[0]), float(parts[1]), float(parts[2]))


def io_open(p):
    import io
    return io.open(p)


def WIFEXITED(status):
    return (status & 0x7f) == 0


def WEXITSTATUS(status):
    return (status >> 8) & 0xff


def WIFSIGNALED(status):
    return ((status & 0x7f) + 1) >> 1 > 0 and (status & 0x7f) != 0


def WTERMSIG(status):
    return status & 0x7f


def waitstatus_to_exitcode(status):
    if WIFEXITED(status):
        return WEXITSTATUS(status)
    return -WTERMSIG(status)


ST_RDONLY = 1
ST_NOSUID = 2
ST_NODEV = 4
ST_NOEXEC = 8


class statvfs_result(object):
    _fields = ('f_bsize', 'f_frsize', 'f_blocks', 'f_bfree', 'f_bavail', 'f_files', 'f_ffree',
               'f_favail', 'f_flag', 'f_namemax')

    def __init__(self, t):
        self._t = tuple(t)
        (self.f_bsize, self.f_frsize, self.f_blocks, self.f_bfree, self.f_bavail, self.f_files,
         self.f_ffree, self.f_favail, self.f_flag, self.f_namemax) = self._t

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 10

    def __iter__(self):
        return iter(self._t)


def statvfs(path):
    return statvfs_result(_posix.statvfs(fspath(path)))


def makedev(major, minor):
    return ((major & 0xfff) << 8) | ((major & ~0xfff) << 32) | (minor & 0xff) | ((minor & ~0xff) << 12)


def sched_getaffinity(pid):
    return set(range(cpu_count()))


class _wrap_close(object):
    def __init__(self, stream, proc):
        self._stream = stream
        self._proc = proc

    def read(self, *a):
        return self._stream.read(*a)

    def readline(self):
        return self._stream.readline()

    def readlines(self):
        return self._stream.readlines()

    def write(self, s):
        return self._stream.write(s)

    def __iter__(self):
        return iter(self._stream.readlines())

    def close(self):
        self._stream.close()
        rc = self._proc.wait()
        if rc == 0:
            return None
        return rc << 8

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()
        return False


def popen(cmd, mode='r', buffering=-1):
    import subprocess
    if mode == 'r':
        p = subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE, text=True)
        return _wrap_close(p.stdout, p)
    p = subprocess.Popen(cmd, shell=True, stdin=subprocess.PIPE, text=True)
    return _wrap_close(p.stdin, p)
