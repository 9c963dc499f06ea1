# bb.parse: filename helpers and the parser's exceptions.
import _pyrt_bb


class ParseError(Exception):
    def __init__(self, msg, filename, lineno=0):
        self.msg = msg
        self.filename = filename
        self.lineno = lineno
        Exception.__init__(self, msg, filename, lineno)

    def __str__(self):
        if self.lineno:
            return "ParseError at %s:%d: %s" % (self.filename, self.lineno, self.msg)
        return "ParseError in %s: %s" % (self.filename, self.msg)


class SkipRecipe(Exception):
    pass


SkipPackage = SkipRecipe


# The split of each file name, as BitBake keeps them: a file gets the same list every time
# (and one with too many underscores raises the first time only, as in BitBake).
__pkgsplit_cache__ = {}


def vars_from_file(mypkg, d):
    if not mypkg or not mypkg.endswith((".bb", ".bbappend")):
        return (None, None, None)
    parts = __pkgsplit_cache__.get(mypkg)
    if parts is not None:
        return parts
    import os
    parts = os.path.splitext(os.path.basename(mypkg))[0].split("_")
    __pkgsplit_cache__[mypkg] = parts
    if len(parts) > 3:
        raise ParseError("Unable to generate default variables from filename (too many underscores)", mypkg)
    while len(parts) < 3:
        parts.append(None)
    return parts


def resolve_file(fn, d):
    """The path of fn, searched in BBPATH when relative; every path tried is recorded with
    mark_dependency (they end up in BBINCLUDED). IOError(ENOENT) when it does not exist."""
    import os
    if not os.path.isabs(fn):
        bbpath = d.getVar("BBPATH")
        attempts = []
        newfn = None
        for p in (bbpath or "").split(":"):
            candidate = os.path.join(p, fn)
            attempts.append(candidate)
            if os.path.exists(candidate):
                newfn = os.path.abspath(candidate)
                break
        for af in attempts:
            mark_dependency(d, af)
        if not newfn:
            raise IOError(2, "file %s not found in %s" % (fn, bbpath))
        fn = newfn
    else:
        mark_dependency(d, fn)
    if not os.path.isfile(fn):
        raise IOError(2, "file %s not found" % fn)
    return fn


def cached_mtime_noerror(f):
    import os
    try:
        return os.stat(f).st_mtime
    except OSError:
        return 0


def cached_mtime(f):
    import os
    return os.stat(f).st_mtime


def update_mtime(f):
    return cached_mtime_noerror(f)


def mark_dependency(d, f):
    """Records that the recipe's data depends on file f in __depends. gobake's cooker keeps
    __depends as a list of file names, which reaches Python as a space-separated string;
    a datastore holding BitBake's list of (file, mtime) pairs gets one appended."""
    import os
    if f.startswith('./'):
        f = "%s/%s" % (os.getcwd(), f[2:])
    deps = d.getVar('__depends', False) or ''
    if isinstance(deps, str):
        files = deps.split()
        if f not in files:
            d.setVar('__depends', ' '.join(files + [f]))
        return
    s = (f, cached_mtime_noerror(f))
    if s not in deps:
        deps.append(s)
        d.setVar('__depends', deps)


def check_dependency(d, f):
    deps = d.getVar('__depends', False) or ''
    if isinstance(deps, str):
        return f in deps.split()
    return (f, cached_mtime_noerror(f)) in deps
