"""pwd: the password database, read from /etc/passwd (gobake)."""

_FIELDS = ('pw_name', 'pw_passwd', 'pw_uid', 'pw_gid', 'pw_gecos', 'pw_dir', 'pw_shell')


class struct_passwd(object):
    def __init__(self, t):
        (self.pw_name, self.pw_passwd, self.pw_uid, self.pw_gid, self.pw_gecos, self.pw_dir,
         self.pw_shell) = t

    def _t(self):
        return (self.pw_name, self.pw_passwd, self.pw_uid, self.pw_gid, self.pw_gecos,
                self.pw_dir, self.pw_shell)

    def __getitem__(self, i):
        return self._t()[i]

    def __len__(self):
        return 7

    def __iter__(self):
        return iter(self._t())

    def __eq__(self, other):
        if isinstance(other, struct_passwd):
            other = other._t()
        return self._t() == other

    def __repr__(self):
        return 'pwd.struct_passwd(' + ', '.join(['%s=%r' % (n, v) for n, v in zip(_FIELDS, self._t())]) + ')'


def getpwall():
    out = []
    try:
        f = open('/etc/passwd')
    except OSError:
        return out
    with f:
        data = f.read()
    if True:
        for line in data.split('\n'):
            if not line or line.startswith('#') or line.startswith('+') or line.startswith('-'):
                continue
            p = line.split(':')
            if len(p) != 7:
                continue
            try:
                out.append(struct_passwd((p[0], p[1], int(p[2]), int(p[3]), p[4], p[5], p[6])))
            except ValueError:
                continue
    return out


def getpwuid(uid):
    if not isinstance(uid, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(uid).__name__)
    for p in getpwall():
        if p.pw_uid == uid:
            return p
    raise KeyError('getpwuid(): uid not found: %d' % uid)


def getpwnam(name):
    if not isinstance(name, str):
        raise TypeError('getpwnam() argument must be str, not %s' % type(name).__name__)
    for p in getpwall():
        if p.pw_name == name:
            return p
    raise KeyError("getpwnam(): name not found: '%s'" % name)
