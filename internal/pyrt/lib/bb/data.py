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


# bb.data.inherits_class(klass, d), in Go: the cooker's store answers it from its list.
inherits_class = _pyrt_bb.inherits_class
