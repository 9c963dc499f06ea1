# bb.data: module-level datastore helpers.
import _pyrt_bb


def init():
    return _pyrt_bb.new_datastore()


def createCopy(source):
    return source.createCopy()


def getVar(var, d, exp=True):
    return d.getVar(var, exp)


def setVar(var, value, d):
    d.setVar(var, value)


def delVar(var, d):
    d.delVar(var)


def expand(s, d, varname=None):
    return d.expand(s)


def inherits_class(klass, d):
    val = d.getVar("__inherit_cache", False) or []
    needle = "/%s.bbclass" % klass
    if isinstance(val, str):
        # The cooker hands lists over as space-separated strings: an entry ends with the
        # needle exactly where the needle is followed by a space (or the end).
        if "\t" not in val and "\n" not in val:
            return (val + " ").find(needle + " ") >= 0
        val = val.split()
    for v in val:
        if v.endswith(needle):
            return True
    return False
