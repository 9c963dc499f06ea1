"""Shared by pwd and grp: a CPython-like struct sequence and a reader for colon-separated
databases (/etc/passwd, /etc/group)."""


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


def read_db(path, nfields, make):
    """make(fields) for every well-formed line of path; lines that fail with ValueError and
    NIS (+/-) entries are skipped; a missing file reads as empty."""
    out = []
    try:
        f = open(path)
    except OSError:
        return out
    with f:
        data = f.read()
    for line in data.split('\n'):
        if not line or line.startswith('#') or line.startswith('+') or line.startswith('-'):
            continue
        p = line.split(':')
        if len(p) != nfields:
            continue
        try:
            out.append(make(p))
        except ValueError:
            continue
    return out


def lookup_int(entries, attr, value, what, kind):
    if not isinstance(value, int):
        raise TypeError('%s should be integer, not %s' % (kind, type(value).__name__))
    for e in entries:
        if getattr(e, attr) == value:
            return e
    raise KeyError('%s not found: %d' % (what, value))


def lookup_name(entries, attr, value, fn):
    if not isinstance(value, str):
        raise TypeError('%s() argument must be str, not %s' % (fn, type(value).__name__))
    for e in entries:
        if getattr(e, attr) == value:
            return e
    raise KeyError("%s(): name not found: '%s'" % (fn, value))
