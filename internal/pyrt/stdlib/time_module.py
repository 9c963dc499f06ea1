"""time: time access and conversions (gobake)."""

_z = _zone()
tzname = (_z[0], _z[2])
timezone = -_z[1]
altzone = -_z[3]
daylight = 1 if _z[1] != _z[3] else 0
if not daylight:
    tzname = (_z[0], _z[0])
del _z

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')


class struct_time(object):
    """The time value as returned by gmtime(), localtime() and strptime()."""
    n_fields = 11
    n_sequence_fields = 9
    n_unnamed_fields = 0

    def __init__(self, seq):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError('time.struct_time() takes an at least 9-sequence (%d-sequence given)' % len(seq))
        (self.tm_year, self.tm_mon, self.tm_mday, self.tm_hour, self.tm_min, self.tm_sec,
         self.tm_wday, self.tm_yday, self.tm_isdst) = seq[:9]
        self.tm_zone = seq[9] if len(seq) > 9 else None
        self.tm_gmtoff = seq[10] if len(seq) > 10 else None

    def _t(self):
        return (self.tm_year, self.tm_mon, self.tm_mday, self.tm_hour, self.tm_min, self.tm_sec,
                self.tm_wday, self.tm_yday, self.tm_isdst)

    def __getitem__(self, i):
        return self._t()[i]

    def __len__(self):
        return 9

    def __iter__(self):
        return iter(self._t())

    def __eq__(self, other):
        if isinstance(other, struct_time):
            other = other._t()
        return self._t() == other

    def __lt__(self, other):
        if isinstance(other, struct_time):
            other = other._t()
        return self._t() < other

    def __repr__(self):
        return 'time.struct_time(' + ', '.join(['%s=%r' % (n, v) for n, v in zip(_FIELDS, self._t())]) + ')'


def gmtime(secs=None):
    return struct_time(_tm(secs, False))


def localtime(secs=None):
    return struct_time(_tm(secs, True))


def mktime(t):
    return _mktime(tuple(t))


def strftime(format, t=None):
    if t is None:
        t = localtime()
    if not isinstance(t, struct_time):
        t = struct_time(t)
    zone = t.tm_zone
    off = t.tm_gmtoff
    if zone is None:
        zone = tzname[0]
        off = -timezone
    return _strftime(format, t._t(), zone, off)


def asctime(t=None):
    if t is None:
        t = localtime()
    return strftime('%a %b %d %H:%M:%S %Y', t).replace(' 0', '  ', 1) if False else _asctime(t)


def _asctime(t):
    if not isinstance(t, struct_time):
        t = struct_time(t)
    days = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
    mons = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')
    return '%s %s %2d %02d:%02d:%02d %d' % (days[t.tm_wday], mons[t.tm_mon - 1], t.tm_mday,
                                            t.tm_hour, t.tm_min, t.tm_sec, t.tm_year)


def ctime(secs=None):
    return _asctime(localtime(secs))


def get_clock_info(name):
    raise ValueError('unknown clock')
