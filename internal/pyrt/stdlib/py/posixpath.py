"""posixpath (os.path): pathname manipulation for POSIX (gobake)."""
import posix as _posix

sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
supports_unicode_filenames = False

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), '__fspath__', None)
    if f is None:
        raise TypeError('expected str, bytes or os.PathLike object, not ' + type(p).__name__)
    return f(p)


def _seps(p):
    if isinstance(p, bytes):
        return b'/', b'.', b'', b'..'
    return '/', '.', '', '..'


def normcase(s):
    return _fspath(s)


def isabs(s):
    s = _fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    a = _fspath(a)
    slash = _seps(a)[0]
    path = a
    for b in p:
        b = _fspath(b)
        if type(b) is not type(a):
            raise TypeError("Can't mix strings and bytes in path components")
        if b.startswith(slash):
            path = b
        elif not path or path.endswith(slash):
            path += b
        else:
            path += slash + b
    return path


def split(p):
    p = _fspath(p)
    slash = _seps(p)[0]
    i = p.rfind(slash) + 1
    head, tail = p[:i], p[i:]
    if head and head != slash * len(head):
        head = head.rstrip(slash)
    return head, tail


def splitext(p):
    p = _fspath(p)
    slash, dot = _seps(p)[0], _seps(p)[1]
    sep_index = p.rfind(slash)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != dot:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    p = _fspath(p)
    i = p.rfind(_seps(p)[0]) + 1
    return p[i:]


def dirname(p):
    p = _fspath(p)
    slash = _seps(p)[0]
    i = p.rfind(slash) + 1
    head = p[:i]
    if head and head != slash * len(head):
        head = head.rstrip(slash)
    return head


def _stat(p, follow=True):
    try:
        if follow:
            return _posix.stat(_fspath(p))
        return _posix.lstat(_fspath(p))
    except (OSError, ValueError):
        return None


def exists(p):
    return _stat(p) is not None


def lexists(p):
    return _stat(p, False) is not None


def isdir(s):
    st = _stat(s)
    return st is not None and (st[0] & _S_IFMT) == _S_IFDIR


def isfile(p):
    st = _stat(p)
    return st is not None and (st[0] & _S_IFMT) == _S_IFREG


def islink(p):
    st = _stat(p, False)
    return st is not None and (st[0] & _S_IFMT) == _S_IFLNK


def ismount(p):
    try:
        s1 = _posix.lstat(_fspath(p))
    except (OSError, ValueError):
        return False
    if (s1[0] & _S_IFMT) == _S_IFLNK:
        return False
    parent = join(_fspath(p), _seps(_fspath(p))[3])
    try:
        s2 = _posix.lstat(parent)
    except (OSError, ValueError):
        return False
    if s1[2] != s2[2]:
        return True
    if s1[1] == s2[1]:
        return True
    return False


def getsize(filename):
    return _posix.stat(_fspath(filename))[6]


def _nsfloat(ns):
    return (ns // 1000000000) + (ns % 1000000000) * 1e-9


def getmtime(filename):
    return _nsfloat(_posix.stat(_fspath(filename))[8])


def getatime(filename):
    return _nsfloat(_posix.stat(_fspath(filename))[7])


def getctime(filename):
    return _nsfloat(_posix.stat(_fspath(filename))[9])


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    s1 = _posix.stat(_fspath(f1))
    s2 = _posix.stat(_fspath(f2))
    return s1[1] == s2[1] and s1[2] == s2[2]


def normpath(path):
    path = _fspath(path)
    slash, dot, empty, dotdot = _seps(path)
    if path == empty:
        return dot
    initial_slashes = 1 if path.startswith(slash) else 0
    if initial_slashes and path.startswith(slash * 2) and not path.startswith(slash * 3):
        initial_slashes = 2
    comps = path.split(slash)
    new_comps = []
    for comp in comps:
        if comp in (empty, dot):
            continue
        if (comp != dotdot or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == dotdot)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = slash.join(new_comps)
    if initial_slashes:
        path = slash * initial_slashes + path
    return path or dot


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        if isinstance(path, bytes):
            cwd = _posix.getcwd().encode()
        else:
            cwd = _posix.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    filename = _fspath(filename)
    isb = isinstance(filename, bytes)
    if isb:
        filename = filename.decode()
    path, ok = _joinrealpath('', filename, strict, {})
    path = abspath(path)
    if isb:
        return path.encode()
    return path


def _joinrealpath(path, rest, strict, seen):
    if isabs(rest):
        rest = rest[1:]
        path = '/'
    while rest:
        name, _, rest = rest.partition('/')
        if not name or name == '.':
            continue
        if name == '..':
            if path:
                path, name = split(path)
                if name == '..':
                    path = join(path, '..', '..')
            else:
                path = '..'
            continue
        newpath = join(path, name)
        try:
            st = _posix.lstat(newpath)
        except OSError:
            if strict:
                raise
            islnk = False
        else:
            islnk = (st[0] & _S_IFMT) == _S_IFLNK
        if not islnk:
            path = newpath
            continue
        if newpath in seen:
            path = seen[newpath]
            if path is not None:
                continue
            if strict:
                _posix.stat(newpath)
            else:
                return join(newpath, rest), False
        seen[newpath] = None
        path, ok = _joinrealpath(path, _posix.readlink(newpath), strict, seen)
        if not ok:
            return join(path, rest), False
        seen[newpath] = path
    return path, True


def relpath(path, start=None):
    if not path:
        raise ValueError('no path specified')
    path = _fspath(path)
    slash, dot, empty, dotdot = _seps(path)
    if start is None:
        start = dot
    else:
        start = _fspath(start)
    start_list = [x for x in abspath(start).split(slash) if x]
    path_list = [x for x in abspath(path).split(slash) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [dotdot] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return dot
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple([_fspath(x) for x in m])
    s1 = min(m)
    s2 = max(m)
    for i in range(len(s1)):
        if s1[i] != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple([_fspath(p) for p in paths])
    slash, dot, empty, dotdot = _seps(paths[0])
    split_paths = [p.split(slash) for p in paths]
    try:
        isabs_set = set([p[:1] == slash for p in paths])
    except TypeError:
        raise TypeError("Can't mix strings and bytes in path components") from None
    if len(isabs_set) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in s if c and c != dot] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i in range(len(s1)):
        if s1[i] != s2[i]:
            common = s1[:i]
            break
    prefix = slash if paths[0].startswith(slash) else empty
    return prefix + slash.join(common)


def expanduser(path):
    path = _fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    slash = _seps(path)[0]
    i = path.find(slash, 1)
    if i < 0:
        i = len(path)
    if i == 1:
        import os
        if 'HOME' in os.environ:
            userhome = os.environ['HOME']
        else:
            import pwd
            try:
                userhome = pwd.getpwuid(_posix.getuid()).pw_dir
            except KeyError:
                return path
    else:
        import pwd
        name = path[1:i]
        if isinstance(name, bytes):
            name = name.decode()
        try:
            userhome = pwd.getpwnam(name).pw_dir
        except KeyError:
            return path
    if isinstance(path, bytes):
        userhome = userhome.encode()
    userhome = userhome.rstrip(slash)
    return (userhome + path[i:]) or slash


def expandvars(path):
    path = _fspath(path)
    if '$' not in path:
        return path
    import os
    import re
    pat = re.compile(r'\$(\w+|\{[^}]*\})', re.ASCII)
    i = 0
    while True:
        m = pat.search(path, i)
        if not m:
            break
        i, j = m.span(0)
        name = m.group(1)
        if name.startswith('{') and name.endswith('}'):
            name = name[1:-1]
        if name in os.environ:
            tail = path[j:]
            path = path[:i] + os.environ[name]
            i = len(path)
            path += tail
        else:
            i = j
    return path
