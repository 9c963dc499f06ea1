"""fnmatch: shell-style filename matching (gobake)."""
import re
import posixpath

__all__ = ['filter', 'fnmatch', 'fnmatchcase', 'translate']

_cache = {}


def fnmatch(name, pat):
    name = posixpath.normcase(name)
    pat = posixpath.normcase(pat)
    return fnmatchcase(name, pat)


def _compile(pat):
    key = ('b:' + pat.decode('latin-1')) if isinstance(pat, bytes) else ('s:' + pat)
    r = _cache.get(key)
    if r is None:
        if isinstance(pat, bytes):
            res = bytes(translate(pat.decode('latin-1')), 'latin-1')
        else:
            res = translate(pat)
        r = re.compile(res).match
        if len(_cache) > 256:
            _cache.clear()
        _cache[key] = r
    return r


def filter(names, pat):
    result = []
    pat = posixpath.normcase(pat)
    match = _compile(pat)
    for name in names:
        if match(posixpath.normcase(name)):
            result.append(name)
    return result


def fnmatchcase(name, pat):
    return _compile(pat)(name) is not None


def translate(pat):
    i, n = 0, len(pat)
    res = []
    while i < n:
        c = pat[i]
        i = i + 1
        if c == '*':
            if not res or res[-1] != '.*':
                res.append('.*')
        elif c == '?':
            res.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j = j + 1
            if j < n and pat[j] == ']':
                j = j + 1
            while j < n and pat[j] != ']':
                j = j + 1
            if j >= n:
                res.append('\\[')
            else:
                stuff = pat[i:j]
                if '-' not in stuff:
                    stuff = stuff.replace('\\', r'\\')
                else:
                    chunks = []
                    k = i + 2 if pat[i] == '!' else i + 1
                    while True:
                        k = pat.find('-', k, j)
                        if k < 0:
                            break
                        chunks.append(pat[i:k])
                        i = k + 1
                        k = k + 3
                    chunk = pat[i:j]
                    if chunk:
                        chunks.append(chunk)
                    else:
                        chunks[-1] += '-'
                    for k in range(len(chunks) - 1, 0, -1):
                        if chunks[k - 1][-1] > chunks[k][0]:
                            chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
                            del chunks[k]
                    stuff = '-'.join(s.replace('\\', r'\\').replace('-', r'\-') for s in chunks)
                stuff = re.sub(r'([&~|])', r'\\\1', stuff)
                i = j + 1
                if not stuff:
                    res.append('(?!)')
                elif stuff == '!':
                    res.append('.')
                else:
                    if stuff[0] == '!':
                        stuff = '^' + stuff[1:]
                    elif stuff[0] in ('^', '['):
                        stuff = '\\' + stuff
                    res.append('[' + stuff + ']')
        else:
            res.append(re.escape(c))
    return '(?s:' + ''.join(res) + ')\\Z'
