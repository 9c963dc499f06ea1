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
    if isinstance(val, str):
        val = val.split()
    needle = "classes/%s.bbclass" % klass
    for v in val:
        if v.endswith(needle):
            return True
    return False
