"""types: names for built-in types (gobake)."""


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
BuiltinFunctionType = type(len)
BuiltinMethodType = type(len)
ModuleType = type(__import__('sys'))
NoneType = type(None)


def _g():
    yield 1


GeneratorType = type(_g())


class _C(object):
    def _m(self):
        pass


MethodType = type(_C()._m)


class SimpleNamespace(object):
    def __init__(self, **kwargs):
        for k in kwargs:
            setattr(self, k, kwargs[k])

    def __repr__(self):
        items = ['%s=%r' % (k, v) for k, v in sorted(self.__dict__.items())]
        return 'namespace(' + ', '.join(items) + ')'

    def __eq__(self, other):
        return isinstance(other, SimpleNamespace) and self.__dict__ == other.__dict__


def new_class(name, bases=(), kwds=None, exec_body=None):
    ns = {}
    if exec_body is not None:
        exec_body(ns)
    return type(name, bases, ns)
