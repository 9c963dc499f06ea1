"""shlex: shell-like splitting and quoting (gobake)."""
import re

__all__ = ['shlex', 'split', 'quote', 'join']

_find_unsafe = re.compile(r'[^\w@%+=:,./-]', re.ASCII).search


def quote(s):
    if not s:
        return "''"
    if _find_unsafe(s) is None:
        return s
    return "'" + s.replace("'", "'\"'\"'") + "'"


def join(split_command):
    return ' '.join(quote(arg) for arg in split_command)


class shlex(object):
    """A lexer for shell-like syntax (POSIX mode split() subset)."""

    def __init__(self, instream=None, infile=None, posix=False, punctuation_chars=False):
        if isinstance(instream, str):
            self._s = instream
        elif instream is None:
            import sys
            self._s = sys.stdin.read()
        else:
            self._s = instream.read()
        self.posix = posix
        self.whitespace = ' \t\r\n'
        self.whitespace_split = False
        self.commenters = '#'
        self.wordchars = ('abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_')
        if posix:
            self.wordchars += ('ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ')
        self.quotes = '\'"'
        self.escape = '\\'
        self.escapedquotes = '"'
        self.eof = None if posix else ''
        self._i = 0
        self.lineno = 1
        self.token = ''
        self.pushback = []

    def push_token(self, tok):
        self.pushback.insert(0, tok)

    def get_token(self):
        if self.pushback:
            return self.pushback.pop(0)
        return self.read_token()

    def _next(self):
        if self._i >= len(self._s):
            return ''
        c = self._s[self._i]
        self._i += 1
        if c == '\n':
            self.lineno += 1
        return c

    def read_token(self):
        quoted = False
        escapedstate = ' '
        state = ' '
        token = ''
        while True:
            nextchar = self._next()
            if state is None:
                token = ''
                break
            elif state == ' ':
                if not nextchar:
                    state = None
                    break
                elif nextchar in self.whitespace:
                    if token or (self.posix and quoted):
                        break
                    continue
                elif nextchar in self.commenters:
                    while True:
                        c = self._next()
                        if not c or c == '\n':
                            break
                elif self.posix and nextchar in self.escape:
                    escapedstate = 'a'
                    state = nextchar
                elif nextchar in self.wordchars:
                    token = nextchar
                    state = 'a'
                elif nextchar in self.quotes:
                    if not self.posix:
                        token = nextchar
                    state = nextchar
                elif self.whitespace_split:
                    token = nextchar
                    state = 'a'
                else:
                    token = nextchar
                    if token or (self.posix and quoted):
                        break
                    continue
            elif state in self.quotes:
                quoted = True
                if not nextchar:
                    raise ValueError('No closing quotation')
                if nextchar == state:
                    if not self.posix:
                        token += nextchar
                        state = ' '
                        break
                    else:
                        state = 'a'
                elif self.posix and nextchar in self.escape and state in self.escapedquotes:
                    escapedstate = state
                    state = nextchar
                else:
                    token += nextchar
            elif state in self.escape:
                if not nextchar:
                    raise ValueError('No escaped character')
                if escapedstate in self.quotes and nextchar != state and nextchar != escapedstate:
                    token += state
                token += nextchar
                state = escapedstate
            elif state == 'a':
                if not nextchar:
                    state = None
                    break
                elif nextchar in self.whitespace:
                    state = ' '
                    if token or (self.posix and quoted):
                        break
                    continue
                elif nextchar in self.commenters:
                    while True:
                        c = self._next()
                        if not c or c == '\n':
                            break
                    if self.posix:
                        state = ' '
                        if token or (self.posix and quoted):
                            break
                        continue
                elif self.posix and nextchar in self.quotes:
                    state = nextchar
                elif self.posix and nextchar in self.escape:
                    escapedstate = 'a'
                    state = nextchar
                elif nextchar in self.wordchars or nextchar in self.quotes or self.whitespace_split:
                    token += nextchar
                else:
                    self._i -= 1
                    state = ' '
                    if token or (self.posix and quoted):
                        break
                    continue
        result = token
        if self.posix and not quoted and result == '':
            result = None
        return result

    def __iter__(self):
        return self

    def __next__(self):
        token = self.get_token()
        if token == self.eof:
            raise StopIteration
        return token


def split(s, comments=False, posix=True):
    if s is None:
        raise ValueError('s argument must not be None')
    lex = shlex(s, posix=posix)
    lex.whitespace_split = True
    if not comments:
        lex.commenters = ''
    out = []
    while True:
        tok = lex.get_token()
        if tok == lex.eof:
            return out
        out.append(tok)
