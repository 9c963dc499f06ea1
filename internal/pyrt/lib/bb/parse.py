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


def vars_from_file(mypkg, d):
    if not mypkg or not (mypkg.endswith(".bb") or mypkg.endswith(".bbappend")):
        return (None, None, None)
    base = mypkg.rsplit("/", 1)[-1]
    base = base.rsplit(".", 1)[0]
    parts = base.split("_")
    if len(parts) > 3:
        raise ParseError("Unable to generate default variables from filename (too many underscores)", mypkg)
    while len(parts) < 3:
        parts.append(None)
    return parts


def resolve_file(fn, d):
    if fn.startswith("/"):
        if not _pyrt_bb.exists(fn):
            raise IOError(2, "file %s not found" % fn)
        return fn
    bbpath = d.getVar("BBPATH") or ""
    for p in bbpath.split(":"):
        if p and _pyrt_bb.exists(p + "/" + fn):
            return p + "/" + fn
    raise IOError(2, "file %s not found in %s" % (fn, bbpath))
