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


_MONTHS = ('january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
           'october', 'november', 'december')
_DAYS = ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')
_DIRECTIVES = {
    'Y': r'(?P<Y>\d\d\d\d)', 'm': r'(?P<m>1[0-2]|0[1-9]|[1-9])', 'd': r'(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])',
    'H': r'(?P<H>2[0-3]|[0-1]\d|\d)', 'M': r'(?P<M>[0-5]\d|\d)', 'S': r'(?P<S>6[0-1]|[0-5]\d|\d)',
    'y': r'(?P<y>\d\d)', 'j': r'(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])',
    'I': r'(?P<I>1[0-2]|0[1-9]|[1-9])', 'p': r'(?P<p>am|pm)',
    'b': r'(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)',
    'B': r'(?P<B>january|february|march|april|may|june|july|august|september|october|november|december)',
    'a': r'(?P<a>mon|tue|wed|thu|fri|sat|sun)',
    'A': r'(?P<A>monday|tuesday|wednesday|thursday|friday|saturday|sunday)',
    'z': r'(?P<z>[+-]\d\d:?[0-5]\d|Z)', 'Z': r'(?P<Z>utc|gmt|[a-z]+)', '%': '%',
}


def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _yday(y, m, d):
    days = (31, 29 if _is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return sum(days[:m - 1]) + d


def strptime(string, format='%a %b %d %H:%M:%S %Y'):
    import re
    pat = ''
    i = 0
    while i < len(format):
        c = format[i]
        if c == '%' and i + 1 < len(format):
            d = format[i + 1]
            if d not in _DIRECTIVES:
                raise ValueError("'%s' is a bad directive in format '%s'" % (d, '%' + d))
            pat += _DIRECTIVES[d]
            i += 2
            continue
        if c.isspace():
            pat += r'\s+'
        else:
            pat += re.escape(c)
        i += 1
    m = re.match('(?i)' + pat + r'\Z', string)
    if m is None:
        raise ValueError("time data %r does not match format %r" % (string, format))
    g = m.groupdict()
    year, month, day, hour, minute, second = 1900, 1, 1, 0, 0, 0
    if g.get('Y'):
        year = int(g['Y'])
    elif g.get('y'):
        y = int(g['y'])
        year = y + (2000 if y <= 68 else 1900)
    if g.get('m'):
        month = int(g['m'])
    elif g.get('b'):
        month = [x[:3] for x in _MONTHS].index(g['b'].lower()) + 1
    elif g.get('B'):
        month = list(_MONTHS).index(g['B'].lower()) + 1
    if g.get('d'):
        day = int(g['d'])
    if g.get('H'):
        hour = int(g['H'])
    elif g.get('I'):
        hour = int(g['I']) % 12
        if g.get('p') and g['p'].lower() == 'pm':
            hour += 12
    if g.get('M'):
        minute = int(g['M'])
    if g.get('S'):
        second = int(g['S'])
    yday = _yday(year, month, day)
    if g.get('j') and not (g.get('m') or g.get('b') or g.get('B')):
        yday = int(g['j'])
        days = (31, 29 if _is_leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
        month, rest = 1, yday
        while rest > days[month - 1]:
            rest -= days[month - 1]
            month += 1
        day = rest
    wday = (_days_before_year(year) + yday - 1) % 7
    isdst = -1
    zone = None
    gmtoff = None
    if g.get('z'):
        z = g['z']
        if z == 'Z':
            gmtoff = 0
        else:
            z = z.replace(':', '')
            gmtoff = (int(z[1:3]) * 3600 + int(z[3:5]) * 60) * (-1 if z[0] == '-' else 1)
    if g.get('Z'):
        zone = g['Z']
        if zone.lower() in ('utc', 'gmt'):
            isdst = 0
    return struct_time((year, month, day, hour, minute, second, wday, yday, isdst, zone, gmtoff))
