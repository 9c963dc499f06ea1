"""Shared by pwd and grp: a CPython-like struct sequence and a reader for colon-separated
databases (/etc/passwd, /etc/group)."""

from posix import stat as _pstat


class StructSeq(object):
    """A record whose fields are named by _FIELDS and that also behaves as a tuple."""
    _FIELDS = ()
    _NAME = ''

    def __init__(self, t):
        for name, value in zip(self._FIELDS, t):
            setattr(self, name, value)

    def _t(self):
        return tuple([getattr(self, name) for name in self._FIELDS])

    def __getitem__(self, i):
        return self._t()[i]

    def __len__(self):
        return len(self._FIELDS)

    def __iter__(self):
        return iter(self._t())

    def __eq__(self, other):
        if isinstance(other, StructSeq):
            other = other._t()
        return self._t() == other

    def __repr__(self):
        return self._NAME + '(' + ', '.join(['%s=%r' % (n, v) for n, v in zip(self._FIELDS, self._t())]) + ')'


def _rows(cache, path, nfields):
    """The well-formed lines of path split into fields (NIS +/- entries and comments
    dropped), parsed again only when the file changes (inode, size, mtime or ctime): metadata
    asks for the current user once per recipe. A missing file reads as empty."""
    try:
        t = _pstat(path)
    except OSError:
        return []
    key = (t[1], t[6], t[8], t[9])
    hit = cache.get(path)
    if hit is not None and hit[0] == key:
        return hit[1]
    try:
        f = open(path)
    except OSError:
        return []
    with f:
        data = f.read()
    rows = []
    for line in data.split('\n'):
        if not line or line.startswith('#') or line.startswith('+') or line.startswith('-'):
            continue
        p = line.split(':')
        if len(p) == nfields:
            rows.append(p)
    cache[path] = (key, rows)
    return rows


class Database(object):
    """A colon-separated database (/etc/passwd, /etc/group): make(fields) builds an entry;
    lines it rejects with ValueError are skipped."""

    def __init__(self, path, nfields, make):
        self._path = path
        self._nfields = nfields
        self._make = make
        self._cache = {}

    def all(self):
        out = []
        for p in _rows(self._cache, self._path, self._nfields):
            try:
                out.append(self._make(p))
            except ValueError:
                continue
        return out

    def by_int(self, field, value, what, kind):
        if not isinstance(value, int):
            raise TypeError('%s should be integer, not %s' % (kind, type(value).__name__))
        for p in _rows(self._cache, self._path, self._nfields):
            try:
                if int(p[field]) == value:
                    return self._make(p)
            except ValueError:
                continue
        raise KeyError('%s not found: %d' % (what, value))

    def by_name(self, field, value, fn):
        if not isinstance(value, str):
            raise TypeError('%s() argument must be str, not %s' % (fn, type(value).__name__))
        for p in _rows(self._cache, self._path, self._nfields):
            if p[field] == value:
                try:
                    return self._make(p)
                except ValueError:
                    continue
        raise KeyError("%s(): name not found: '%s'" % (fn, value))
