"""urllib.parse: URL splitting, joining and quoting (gobake; CPython 3.11's rules for
the parts metadata uses)."""

__all__ = ['urlparse', 'urlunparse', 'urlsplit', 'urlunsplit', 'quote', 'quote_plus',
           'unquote', 'unquote_plus', 'urlencode', 'parse_qs', 'parse_qsl', 'uses_netloc',
           'uses_params', 'uses_relative', 'scheme_chars']

import binascii

uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https',
                 'shttp', 'mms', 'prospero', 'rtsp', 'rtspu', 'sftp', 'svn', 'svn+ssh',
                 'ws', 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms',
               'https', 'shttp', 'snews', 'prospero', 'rtsp', 'rtspu', 'rsync', 'svn',
               'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh', 'ws', 'wss']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp',
               'rtspu', 'sip', 'sips', 'mms', 'sftp', 'tel']
scheme_chars = ('abcdefghijklmnopqrstuvwxyz'
                'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                '0123456789'
                '+-.')

_UNSAFE_URL_BYTES_TO_REMOVE = ['\t', '\r', '\n']
_WHATWG_C0_CONTROL_OR_SPACE = ''.join(chr(c) for c in range(0, 33))
_ALWAYS_SAFE = frozenset('ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                         'abcdefghijklmnopqrstuvwxyz'
                         '0123456789'
                         '_.-~')


class _NetlocResult(object):
    def _userinfo(self):
        netloc = self.netloc
        userinfo, have_info, hostinfo = netloc.rpartition('@')
        if have_info:
            username, have_password, password = userinfo.partition(':')
            if not have_password:
                password = None
        else:
            username = password = None
        return username, password

    def _hostinfo(self):
        netloc = self.netloc
        _, _, hostinfo = netloc.rpartition('@')
        _, have_open_br, bracketed = hostinfo.partition('[')
        if have_open_br:
            hostname, _, port = bracketed.partition(']')
            _, _, port = port.partition(':')
        else:
            hostname, _, port = hostinfo.partition(':')
        if not port:
            port = None
        return hostname, port

    @property
    def username(self):
        return self._userinfo()[0]

    @property
    def password(self):
        return self._userinfo()[1]

    @property
    def hostname(self):
        hostname = self._hostinfo()[0]
        if not hostname:
            return None
        separator = '%' if isinstance(hostname, str) else b'%'
        hostname, percent, zone = hostname.partition(separator)
        return hostname.lower() + percent + zone

    @property
    def port(self):
        port = self._hostinfo()[1]
        if port is not None:
            if port.isdigit() and port.isascii():
                port = int(port)
            else:
                raise ValueError("Port could not be cast to integer value as %r" % port)
            if not (0 <= port <= 65535):
                raise ValueError("Port out of range 0-65535")
        return port

    def __iter__(self):
        return iter(self._values())

    def __getitem__(self, i):
        return self._values()[i]

    def __len__(self):
        return len(self._fields)

    def __eq__(self, other):
        if isinstance(other, _NetlocResult):
            other = other._values()
        return self._values() == other

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._values())

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__,
                           ', '.join('%s=%r' % (f, v) for f, v in zip(self._fields, self._values())))

    def _values(self):
        return tuple(getattr(self, f) for f in self._fields)

    def _replace(self, **kw):
        vals = dict(zip(self._fields, self._values()))
        vals.update(kw)
        return type(self)(*[vals[f] for f in self._fields])


class SplitResult(_NetlocResult):
    _fields = ('scheme', 'netloc', 'path', 'query', 'fragment')

    def __init__(self, scheme, netloc, path, query, fragment):
        self.scheme = scheme
        self.netloc = netloc
        self.path = path
        self.query = query
        self.fragment = fragment

    def geturl(self):
        return urlunsplit(self)


class ParseResult(_NetlocResult):
    _fields = ('scheme', 'netloc', 'path', 'params', 'query', 'fragment')

    def __init__(self, scheme, netloc, path, params, query, fragment):
        self.scheme = scheme
        self.netloc = netloc
        self.path = path
        self.params = params
        self.query = query
        self.fragment = fragment

    def geturl(self):
        return urlunparse(self)


def _astuple(components):
    # pyrt cannot unpack an object that is iterable only through __iter__
    if isinstance(components, _NetlocResult):
        return components._values()
    return tuple(components)


def _splitnetloc(url, start=0):
    delim = len(url)
    for c in '/?#':
        wdelim = url.find(c, start)
        if wdelim >= 0:
            delim = min(delim, wdelim)
    return url[start:delim], url[delim:]


def _splitparams(url):
    if '/' in url:
        i = url.find(';', url.rfind('/'))
        if i < 0:
            return url, ''
    else:
        i = url.find(';')
    return url[:i], url[i + 1:]


def urlsplit(url, scheme='', allow_fragments=True):
    url = url.lstrip(_WHATWG_C0_CONTROL_OR_SPACE)
    scheme = scheme.strip(_WHATWG_C0_CONTROL_OR_SPACE)
    for b in _UNSAFE_URL_BYTES_TO_REMOVE:
        if b in url:
            url = url.replace(b, '')
        if b in scheme:
            scheme = scheme.replace(b, '')
    allow_fragments = bool(allow_fragments)
    netloc = query = fragment = ''
    i = url.find(':')
    if i > 0 and url[0].isascii() and url[0].isalpha() and not url[:i].strip(scheme_chars):
        scheme, url = url[:i].lower(), url[i + 1:]
    if url[:2] == '//':
        netloc, url = _splitnetloc(url, 2)
        if (('[' in netloc and ']' not in netloc) or
                (']' in netloc and '[' not in netloc)):
            raise ValueError("Invalid IPv6 URL")
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    return SplitResult(scheme, netloc, url, query, fragment)


def urlparse(url, scheme='', allow_fragments=True):
    s = urlsplit(url, scheme, allow_fragments)
    url = s.path
    if s.scheme in uses_params and ';' in url:
        url, params = _splitparams(url)
    else:
        params = ''
    return ParseResult(s.scheme, s.netloc, url, params, s.query, s.fragment)


def urlunsplit(components):
    components = _astuple(components)
    scheme, netloc, url, query, fragment = components
    if netloc or (scheme and scheme in uses_netloc and url[:2] != '//'):
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + (netloc or '') + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url = url + '?' + query
    if fragment:
        url = url + '#' + fragment
    return url


def urlunparse(components):
    components = _astuple(components)
    scheme, netloc, url, params, query, fragment = components
    if params:
        url = "%s;%s" % (url, params)
    return urlunsplit((scheme, netloc, url, query, fragment))


def _byte_values(b):
    # the integers of a bytes object (gpython's bytes cannot be iterated or indexed)
    hx = binascii.hexlify(b).decode('ascii')
    return [int(hx[i:i + 2], 16) for i in range(0, len(hx), 2)]


def quote(string, safe='/', encoding=None, errors=None):
    if isinstance(string, str):
        if not string:
            return string
        if encoding is None:
            encoding = 'utf-8'
        if errors is None:
            errors = 'strict'
        string = string.encode(encoding, errors)
    if isinstance(safe, str):
        safe = set(safe)
    else:
        safe = set(chr(b) for b in _byte_values(safe))
    out = []
    for b in _byte_values(string):
        c = chr(b)
        if c in _ALWAYS_SAFE or c in safe:
            out.append(c)
        else:
            out.append('%%%02X' % b)
    return ''.join(out)


def quote_plus(string, safe='', encoding=None, errors=None):
    if ((isinstance(string, str) and ' ' not in string) or
            (isinstance(string, bytes) and b' ' not in string)):
        return quote(string, safe, encoding, errors)
    if isinstance(safe, str):
        space = ' '
    else:
        space = b' '
    string = quote(string, safe + space, encoding, errors)
    return string.replace(' ', '+')


_HEX = '0123456789abcdefABCDEF'


def unquote(string, encoding='utf-8', errors='replace'):
    if '%' not in string:
        return string
    parts = string.split('%')
    res = [parts[0]]
    pending = []
    for item in parts[1:]:
        if len(item) >= 2 and item[0] in _HEX and item[1] in _HEX:
            pending.append(int(item[:2], 16))
            rest = item[2:]
            if rest:
                res.append(bytes(pending).decode(encoding, errors))
                pending = []
                res.append(rest)
        else:
            if pending:
                res.append(bytes(pending).decode(encoding, errors))
                pending = []
            res.append('%' + item)
    if pending:
        res.append(bytes(pending).decode(encoding, errors))
    return ''.join(res)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    string = string.replace('+', ' ')
    return unquote(string, encoding, errors)


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
              errors='replace', max_num_fields=None, separator='&'):
    r = []
    for name_value in qs.split(separator):
        if not name_value and not strict_parsing:
            continue
        nv = name_value.split('=', 1)
        if len(nv) != 2:
            if strict_parsing:
                raise ValueError("bad query field: %r" % (name_value,))
            if keep_blank_values:
                nv.append('')
            else:
                continue
        if len(nv[1]) or keep_blank_values:
            name = unquote(nv[0].replace('+', ' '), encoding, errors)
            value = unquote(nv[1].replace('+', ' '), encoding, errors)
            r.append((name, value))
    return r


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
             errors='replace', max_num_fields=None, separator='&'):
    parsed_result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors,
                                 max_num_fields, separator):
        if name in parsed_result:
            parsed_result[name].append(value)
        else:
            parsed_result[name] = [value]
    return parsed_result


def urlencode(query, doseq=False, safe='', encoding=None, errors=None, quote_via=quote_plus):
    if hasattr(query, 'items'):
        query = query.items()
    out = []
    for k, v in query:
        if not isinstance(k, (str, bytes)):
            k = str(k)
        k = quote_via(k, safe, encoding, errors)
        if doseq and not isinstance(v, (str, bytes)) and hasattr(v, '__iter__'):
            for elt in v:
                if not isinstance(elt, (str, bytes)):
                    elt = str(elt)
                out.append(k + '=' + quote_via(elt, safe, encoding, errors))
        else:
            if not isinstance(v, (str, bytes)):
                v = str(v)
            out.append(k + '=' + quote_via(v, safe, encoding, errors))
    return '&'.join(out)
