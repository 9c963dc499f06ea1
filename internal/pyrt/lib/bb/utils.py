# bb.utils: helpers metadata calls. File system work is done in Go by _pyrt_bb.
import bb
import _pyrt_bb

# _context holds the functions metadata defines (def blocks, python functions); the cooker
# fills it and exec_flat_python_func calls into it.
_context = {}


class VersionStringException(Exception):
    pass


def to_boolean(string, default=None):
    if not string:
        return default
    if isinstance(string, int):
        return string != 0
    normalized = string.lower()
    if normalized in ("y", "yes", "1", "true"):
        return True
    if normalized in ("n", "no", "0", "false"):
        return False
    raise ValueError("Invalid value for to_boolean: %s" % string)


def _words(value):
    if isinstance(value, str):
        return set(value.split())
    return set(value)


def contains(variable, checkvalues, truevalue, falsevalue, d):
    val = d.getVar(variable)
    if not val:
        return falsevalue
    if _words(checkvalues).issubset(set(val.split())):
        return truevalue
    return falsevalue


def contains_any(variable, checkvalues, truevalue, falsevalue, d):
    val = d.getVar(variable)
    if not val:
        return falsevalue
    if _words(checkvalues) & set(val.split()):
        return truevalue
    return falsevalue


def filter(variable, checkvalues, d):
    val = d.getVar(variable)
    if not val:
        return ""
    return " ".join(sorted(_words(checkvalues) & set(val.split())))


def explode_deps(s):
    out = []
    skip = False
    for w in s.split():
        if skip:
            if w.endswith(")"):
                skip = False
            continue
        if w.startswith("("):
            skip = not w.endswith(")")
            continue
        out.append(w)
    return out


def explode_dep_versions2(s, sort=True):
    out = {}
    name = None
    ver = None
    for w in s.replace("(", " ( ").replace(")", " ) ").split():
        if w == "(":
            ver = ""
            continue
        if w == ")":
            if name is not None:
                out[name].append(ver.strip())
            ver = None
            continue
        if ver is not None:
            ver = ver + " " + w if ver else w
            continue
        name = w
        if name not in out:
            out[name] = []
    if sort:
        return dict(sorted(out.items()))
    return out


def join_deps(deps, commasep=True):
    result = []
    for dep in deps:
        if deps[dep]:
            for v in deps[dep]:
                result.append(dep + " (" + v + ")")
        else:
            result.append(dep)
    if commasep:
        return ", ".join(result)
    return " ".join(result)


def _explode_version(s):
    parts = []
    i = 0
    while i < len(s):
        c = s[i]
        if c.isdigit():
            j = i
            while j < len(s) and s[j].isdigit():
                j += 1
            parts.append((0, int(s[i:j])))
            i = j
        elif c.isalpha():
            j = i
            while j < len(s) and s[j].isalpha():
                j += 1
            parts.append((1, s[i:j]))
            i = j
        else:
            parts.append((-1 if c == "~" else 2, c))
            i += 1
    return parts


def vercmp_part(a, b):
    va = _explode_version(a)
    vb = _explode_version(b)
    i = 0
    while True:
        oa, ca = va[i] if i < len(va) else (0, None)
        ob, cb = vb[i] if i < len(vb) else (0, None)
        i += 1
        if ca is None and cb is None and oa == 0 and ob == 0:
            return 0
        if oa != ob:
            return -1 if oa < ob else 1
        if ca is None:
            return -1
        if cb is None:
            return 1
        if ca != cb:
            return -1 if ca < cb else 1


def split_version(s):
    s = s.strip(" <>=")
    e = 0
    if ":" in s:
        e = int(s.split(":")[0])
        s = s.split(":")[1]
    r = ""
    if "-" in s:
        s, r = s.rsplit("-", 1)
    return (e, s, r)


def vercmp(ta, tb):
    r = int(ta[0] or 0) - int(tb[0] or 0)
    if r == 0:
        r = vercmp_part(ta[1], tb[1])
    if r == 0:
        r = vercmp_part(ta[2], tb[2])
    return r


def vercmp_string(a, b):
    return vercmp(split_version(a), split_version(b))


def vercmp_string_op(a, b, op):
    res = vercmp_string(a, b)
    if op in ("=", "=="):
        return res == 0
    if op == "<=":
        return res <= 0
    if op == ">=":
        return res >= 0
    if op in (">", ">>"):
        return res > 0
    if op in ("<", "<<"):
        return res < 0
    if op == "!=":
        return res != 0
    raise VersionStringException('Unsupported comparison operator "%s"' % op)


def mkdirhier(directory):
    _pyrt_bb.mkdirhier(directory)


def remove(path, recurse=False, ionice=False):
    _pyrt_bb.remove(path, bool(recurse))


def rename(src, dst):
    _pyrt_bb.rename(src, dst)


def copyfile(src, dest, newmtime=None, sstat=None):
    _pyrt_bb.copyfile(src, dest)
    return True


def which(path, item, direction=0, history=False, executable=False):
    return _pyrt_bb.which(path or "", item, bool(direction), bool(executable))


def md5_file(filename):
    return _pyrt_bb.file_digest(filename, "md5")


def sha1_file(filename):
    return _pyrt_bb.file_digest(filename, "sha1")


def sha256_file(filename):
    return _pyrt_bb.file_digest(filename, "sha256")


def cpu_count():
    return _pyrt_bb.cpu_count()


def lockfile(name, shared=False, retry=True, block=False):
    return _pyrt_bb.lockfile(name, bool(shared), bool(retry), bool(block))


def unlockfile(lf):
    if lf is not None:
        _pyrt_bb.unlockfile(lf)


def exec_flat_python_func(func, *args, **kwargs):
    if func not in _context:
        raise NameError("name '%s' is not defined" % func)
    return _context[func](*args, **kwargs)


def export_proxies(d):
    """Exports the fetcher's proxy and credential variables (FETCH_EXPORT_VARS) set in d to
    os.environ; returns None, as BitBake 2.8's does."""
    import os
    from bb.fetch2 import get_fetcher_environment
    newenv = get_fetcher_environment(d)
    for v in newenv:
        os.environ[v] = newenv[v]


class environment(object):
    """with bb.utils.environment(VAR=value): temporarily sets environment variables."""

    def __init__(self, **envvars):
        self.envvars = envvars
        self.saved = {}

    def __enter__(self):
        import os
        for k in self.envvars:
            self.saved[k] = os.environ.get(k)
            os.environ[k] = self.envvars[k]
        return self

    def __exit__(self, *exc):
        import os
        for k in self.saved:
            if self.saved[k] is None:
                del os.environ[k]
            else:
                os.environ[k] = self.saved[k]
        return False


def prune_suffix(var, suffixes, d):
    for suffix in suffixes:
        if suffix and var.endswith(suffix):
            return var[:-len(suffix)]
    return var


def is_semver(version):
    parts = version.split("-", 1)[0].split("+", 1)[0].split(".")
    return len(parts) == 3 and all(p.isdigit() for p in parts)
