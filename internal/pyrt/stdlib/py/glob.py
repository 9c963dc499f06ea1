"""glob: pathname pattern expansion (gobake)."""
import os
import re
import fnmatch

__all__ = ['glob', 'iglob', 'escape']

_magic_check = re.compile('([*?[])')
_magic_check_bytes = re.compile(b'([*?[])')


def has_magic(s):
    if isinstance(s, bytes):
        return _magic_check_bytes.search(s) is not None
    return _magic_check.search(s) is not None


def _ishidden(path):
    if isinstance(path, bytes):
        return path.startswith(b'.')
    return path.startswith('.')


def _isrecursive(pattern):
    if isinstance(pattern, bytes):
        return pattern == b'**'
    return pattern == '**'


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, recursive=recursive, include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    pathname = os.fspath(pathname)
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    else:
        root_dir = pathname[:0]
    result = _iglob(pathname, root_dir, recursive, False, include_hidden)
    if recursive and _isrecursive(pathname[:2]) and not pathname[:0]:
        pass
    return iter(list(result))


def _join(dirname, basename):
    if not dirname or not basename:
        return dirname or basename
    return os.path.join(dirname, basename)


def _lexists(pathname, root_dir):
    if root_dir:
        pathname = os.path.join(root_dir, pathname)
    return os.path.lexists(pathname)


def _isdir(pathname, root_dir):
    if root_dir:
        pathname = os.path.join(root_dir, pathname)
    return os.path.isdir(pathname)


def _iglob(pathname, root_dir, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if _lexists(pathname, root_dir):
                yield pathname
        else:
            if _isdir(dirname, root_dir):
                yield pathname
        return
    if not dirname:
        if recursive and _isrecursive(basename):
            for x in _glob2(root_dir, basename, dironly, include_hidden):
                yield x
        else:
            for x in _glob1(root_dir, basename, dironly, include_hidden):
                yield x
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if has_magic(basename):
        if recursive and _isrecursive(basename):
            glob_in_dir = _glob2
        else:
            glob_in_dir = _glob1
    else:
        glob_in_dir = _glob0
    for dirname in dirs:
        for name in glob_in_dir(_join(root_dir, dirname), basename, dironly, include_hidden):
            yield os.path.join(dirname, name)


def _listdir(dirname, dironly):
    if not dirname:
        dirname = os.curdir if not isinstance(dirname, bytes) else bytes(os.curdir, 'ascii')
    try:
        names = os.listdir(dirname)
    except OSError:
        return []
    if dironly:
        out = []
        for n in names:
            if os.path.isdir(os.path.join(dirname, n)):
                out.append(n)
        return out
    return names


def _glob1(dirname, pattern, dironly, include_hidden):
    names = _listdir(dirname, dironly)
    if not (include_hidden or _ishidden(pattern)):
        names = [x for x in names if not _ishidden(x)]
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dironly, include_hidden):
    if basename:
        if _lexists(os.path.join(dirname, basename), None):
            return [basename]
    else:
        if os.path.isdir(dirname):
            return [basename]
    return []


def glob0(dirname, pattern):
    return _glob0(dirname, pattern, False, False)


def glob1(dirname, pattern):
    return _glob1(dirname, pattern, False, False)


def _glob2(dirname, pattern, dironly, include_hidden):
    out = [pattern[:0]]
    out.extend(_rlistdir(dirname, dironly, include_hidden))
    return out


def _rlistdir(dirname, dironly, include_hidden):
    names = _listdir(dirname, False)
    out = []
    for x in names:
        if include_hidden or not _ishidden(x):
            path = _join(dirname, x) if dirname else x
            isdir = os.path.isdir(path)
            if not dironly or isdir:
                out.append(x)
            if isdir and not os.path.islink(path):
                for y in _rlistdir(path, dironly, include_hidden):
                    out.append(_join(x, y))
    return out


def escape(pathname):
    drive, pathname = os.path.splitdrive(pathname)
    if isinstance(pathname, bytes):
        pathname = _magic_check_bytes.sub(br'[\1]', pathname)
    else:
        pathname = _magic_check.sub(r'[\1]', pathname)
    return drive + pathname


magic_check = _magic_check
magic_check_bytes = _magic_check_bytes
