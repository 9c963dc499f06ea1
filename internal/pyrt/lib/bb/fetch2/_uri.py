# bb.fetch2.URI: a URL split into scheme, user info, host, port, path, query and BitBake's
# ;name=value parameters, printable back to the URL. file: and git: URLs without // are
# relative; file://foo is read as the relative path foo, as BitBake does.
# re and urllib.parse are imported where used: bb imports this module at start-up.

_RELATIVE_SCHEMES = ('file', 'git')
_NO_NETLOC_SCHEMES = ('file',)


def _drop_netloc_slashes(uri):
    # the first "//" that follows a ":" and is not followed by another "/" is removed
    # (file://foo.diff -> file:foo.diff)
    i = uri.find('//')
    while i >= 0:
        if i > 0 and uri[i - 1] == ':' and uri[i + 2:i + 3] != '/':
            return uri[:i] + uri[i + 2:]
        i = uri.find('//', i + 1)
    return uri


def _split_pairs(text, sep):
    out = {}
    for item in text.split(sep):
        if not item:
            continue
        if '=' in item:
            k, v = item.split('=', 1)
        else:
            k, v = item, None
        out[k] = v
    return out


def _join_pairs(pairs, sep):
    return sep.join(k + '=' + v if v else k for k, v in pairs.items())


# Parsed URIs by string: parsing is a pure function of the string (given the schemes
# urllib.parse knows, to which it only ever adds), and base.bbclass parses every SRC_URI entry
# of every recipe. Each URI gets its own params and query dicts.
_parsed = {}
_PARSED_MAX = 4096
_EMPTY = ('', '', '', None, '', False, {}, {})


class URI(object):
    def __init__(self, uri=None):
        if not uri:
            hit = _EMPTY
        else:
            hit = _parsed.get(uri)
            if hit is None:
                hit = _parse(uri)
                if len(_parsed) >= _PARSED_MAX:
                    _parsed.clear()
                _parsed[uri] = hit
        (self.scheme, self.userinfo, self.hostname, self.port, self._path, self.relative,
         params, query) = hit
        self.params = dict(params)
        self.query = dict(query)

    def __str__(self):
        userinfo = self.userinfo
        if userinfo:
            userinfo += '@'
        query = '?' + _join_pairs(self.query, '&') if self.query else ''
        params = ';' + _join_pairs(self.params, ';') if self.params else ''
        return '%s:%s%s%s%s%s%s' % (self.scheme, '' if self.relative else '//', userinfo,
                                    self.hostport, self.path_quoted, query, params)

    @property
    def hostport(self):
        if not self.port:
            return self.hostname
        return '%s:%d' % (self.hostname, self.port)

    @property
    def path_quoted(self):
        import urllib.parse
        return urllib.parse.quote(self.path)

    @path_quoted.setter
    def path_quoted(self, path):
        import urllib.parse
        self.path = urllib.parse.unquote(path)

    @property
    def path(self):
        return self._path

    @path.setter
    def path(self, path):
        self._path = path
        self.relative = bool(path) and not path.startswith('/')

    @property
    def username(self):
        if self.userinfo:
            return self.userinfo.split(':', 1)[0]
        return ''

    @username.setter
    def username(self, username):
        password = self.password
        self.userinfo = username
        if password:
            self.userinfo += ':%s' % password

    @property
    def password(self):
        if self.userinfo and ':' in self.userinfo:
            return self.userinfo.split(':', 1)[1]
        return ''

    @password.setter
    def password(self, password):
        self.userinfo = '%s:%s' % (self.username, password)


def _parse(uri):
    """The fields of URI(uri): scheme, userinfo, hostname, port, path, relative, params
    and query (as BitBake's URI.__init__ computes them)."""
    import re
    import urllib.parse
    userinfo, hostname, port, relative = '', '', None, False
    params = None
    if ';' in uri:
        uri, params = uri.split(';', 1)
    parsed = urllib.parse.urlparse(uri)
    scheme = parsed.scheme
    reparse = False
    if scheme not in urllib.parse.uses_netloc:
        # BitBake registers unknown schemes as using ;params, which only changes how later
        # urlparse calls split paths.
        if scheme not in urllib.parse.uses_params:
            urllib.parse.uses_params.append(scheme)
        reparse = True
    if parsed.scheme in _NO_NETLOC_SCHEMES:
        uri = _drop_netloc_slashes(uri)
        reparse = True
    if reparse:
        parsed = urllib.parse.urlparse(uri)
    m = re.match(r"^\w+:", uri)
    if parsed.scheme in _RELATIVE_SCHEMES and m and uri[m.end():m.end() + 2] != '//':
        relative = True
    if not relative:
        hostname = parsed.hostname or ''
        port = parsed.port
        userinfo += parsed.username or ''
        if parsed.password:
            userinfo += ':%s' % parsed.password
    path = urllib.parse.unquote(parsed.path)
    # the path setter: a relative path makes the URI relative
    relative = bool(path) and not path.startswith('/')
    return (scheme, userinfo, hostname, port, path, relative,
            _split_pairs(params, ';') if params else {},
            _split_pairs(parsed.query, '&') if parsed.query else {})
