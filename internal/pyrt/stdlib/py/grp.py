"""grp: the group database, read from /etc/group (gobake)."""

_FIELDS = ('gr_name', 'gr_passwd', 'gr_gid', 'gr_mem')


class struct_group(object):
    def __init__(self, t):
        self.gr_name, self.gr_passwd, self.gr_gid, self.gr_mem = t

    def _t(self):
        return (self.gr_name, self.gr_passwd, self.gr_gid, self.gr_mem)

    def __getitem__(self, i):
        return self._t()[i]

    def __len__(self):
        return 4

    def __iter__(self):
        return iter(self._t())

    def __eq__(self, other):
        if isinstance(other, struct_group):
            other = other._t()
        return self._t() == other

    def __repr__(self):
        return 'grp.struct_group(' + ', '.join(['%s=%r' % (n, v) for n, v in zip(_FIELDS, self._t())]) + ')'


def getgrall():
    out = []
    try:
        f = open('/etc/group')
    except OSError:
        return out
    with f:
        data = f.read()
    if True:
        for line in data.split('\n'):
            if not line or line.startswith('#') or line.startswith('+') or line.startswith('-'):
                continue
            p = line.split(':')
            if len(p) != 4:
                continue
            try:
                mem = [m for m in p[3].split(',') if m]
                out.append(struct_group((p[0], p[1], int(p[2]), mem)))
            except ValueError:
                continue
    return out


def getgrgid(gid):
    if not isinstance(gid, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(gid).__name__)
    for g in getgrall():
        if g.gr_gid == gid:
            return g
    raise KeyError('getgrgid(): gid not found: %d' % gid)


def getgrnam(name):
    if not isinstance(name, str):
        raise TypeError('getgrnam() argument must be str, not %s' % type(name).__name__)
    for g in getgrall():
        if g.gr_name == name:
            return g
    raise KeyError("getgrnam(): name not found: '%s'" % name)
