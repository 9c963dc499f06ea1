"""netrc: parser for ~/.netrc files (gobake; CPython's format and errors)."""

import os
import shlex

__all__ = ['netrc', 'NetrcParseError']


class NetrcParseError(Exception):
    """Exception raised on syntax errors in the .netrc file."""

    def __init__(self, msg, filename=None, lineno=None):
        self.filename = filename
        self.lineno = lineno
        self.msg = msg
        Exception.__init__(self, msg)

    def __str__(self):
        return '%s (%s, line %s)' % (self.msg, self.filename, self.lineno)


class _Lexer(object):
    # CPython's lexer over a text stream: read(1) counts lines, readline() does not.
    def __init__(self, text):
        self.text = text
        self.pos = 0
        self.lineno = 1
        self.pushback = []

    def _read_char(self):
        if self.pos >= len(self.text):
            return ''
        ch = self.text[self.pos]
        self.pos += 1
        if ch == '\n':
            self.lineno += 1
        return ch

    def readline(self):
        end = self.text.find('\n', self.pos)
        if end < 0:
            line = self.text[self.pos:]
            self.pos = len(self.text)
        else:
            line = self.text[self.pos:end + 1]
            self.pos = end + 1
        return line

    def get_token(self):
        if self.pushback:
            return self.pushback.pop(0)
        token = ''
        ch = self._read_char()
        while ch:
            if ch in '\n\t\r ':
                ch = self._read_char()
                continue
            if ch == '"':
                ch = self._read_char()
                while ch:
                    if ch == '"':
                        return token
                    elif ch == '\\':
                        ch = self._read_char()
                    token += ch
                    ch = self._read_char()
                return token
            if ch == '\\':
                ch = self._read_char()
            token += ch
            ch = self._read_char()
            while ch:
                if ch in '\n\t\r ':
                    return token
                elif ch == '\\':
                    ch = self._read_char()
                token += ch
                ch = self._read_char()
            return token
        return token

    def push_token(self, token):
        self.pushback.append(token)


class netrc(object):
    def __init__(self, file=None):
        default_netrc = file is None
        if file is None:
            file = os.path.join(os.path.expanduser('~'), '.netrc')
        self.hosts = {}
        self.macros = {}
        try:
            with open(file, encoding='utf-8') as fp:
                self._parse(file, fp.read(), default_netrc)
        except UnicodeDecodeError:
            with open(file, encoding='locale') as fp:
                self._parse(file, fp.read(), default_netrc)

    def _parse(self, file, text, default_netrc):
        lexer = _Lexer(text)
        while 1:
            saved_lineno = lexer.lineno
            toplevel = tt = lexer.get_token()
            if not tt:
                break
            elif tt[0] == '#':
                if lexer.lineno == saved_lineno and len(tt) == 1:
                    lexer.readline()
                continue
            elif tt == 'machine':
                entryname = lexer.get_token()
            elif tt == 'default':
                entryname = 'default'
            elif tt == 'macdef':
                entryname = lexer.get_token()
                self.macros[entryname] = []
                while 1:
                    line = lexer.readline()
                    if not line:
                        raise NetrcParseError('Macro definition missing null line terminator.', file, lexer.lineno)
                    if line == '\n':
                        break
                    self.macros[entryname].append(line)
                continue
            else:
                raise NetrcParseError('bad toplevel token %r' % tt, file, lexer.lineno)
            if not entryname:
                raise NetrcParseError('missing %r name' % tt, file, lexer.lineno)
            login = account = password = ''
            self.hosts[entryname] = {}
            while 1:
                prev_lineno = lexer.lineno
                tt = lexer.get_token()
                if tt.startswith('#'):
                    if lexer.lineno == prev_lineno:
                        lexer.readline()
                    continue
                if tt in {'', 'machine', 'default', 'macdef'}:
                    self.hosts[entryname] = (login, account, password)
                    lexer.push_token(tt)
                    break
                elif tt == 'login' or tt == 'user':
                    login = lexer.get_token()
                elif tt == 'account':
                    account = lexer.get_token()
                elif tt == 'password':
                    password = lexer.get_token()
                else:
                    raise NetrcParseError('bad follower token %r' % tt, file, lexer.lineno)

    def authenticators(self, host):
        """Return a (user, account, password) tuple for given host."""
        if host in self.hosts:
            return self.hosts[host]
        elif 'default' in self.hosts:
            return self.hosts['default']
        else:
            return None

    def __repr__(self):
        rep = ''
        for host, attrs in self.hosts.items():
            login, account, password = attrs
            rep += 'machine %s\n\tlogin %s\n' % (host, login)
            if account:
                rep += '\taccount %s\n' % account
            rep += '\tpassword %s\n' % password
        for macro, lines in self.macros.items():
            rep += 'macdef %s\n' % macro
            for line in lines:
                rep += line
            rep += '\n'
        return rep
