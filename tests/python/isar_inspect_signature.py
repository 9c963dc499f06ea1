# inspect.signature as OE's oe.maketype uses it: the flags of type factories.
import inspect


def choice(value, choices):
    pass


def regex(value, regexflags=None):
    pass


def path(value, relativeto='', normalize='true', mustexist='false'):
    pass


def star(a, *rest, **kw):
    pass


def kwonly(x, *, k):
    pass


class OEList(object):
    def __init__(self, value, separator=None):
        pass

    def method(self, q, *r):
        pass


def callable_args(obj):
    if type(obj) is type:
        obj = obj.__init__
    sig = inspect.signature(obj)
    args = list(sig.parameters.keys())
    defaults = list(s for s in sig.parameters.keys() if sig.parameters[s].default != inspect.Parameter.empty)
    if args and len(args) > 1 and args[0] == 'self':
        args = args[1:]
    return args, defaults


for f in (choice, regex, path, star, kwonly, OEList):
    print(f.__name__, callable_args(f))
for f in (choice, regex, path, star, kwonly, OEList, OEList(1).method):
    print(inspect.signature(f))
sig = inspect.signature(path)
print(repr(sig), repr(sig.parameters['value']), sig.parameters['normalize'].default)
print(sig.parameters['value'].kind, sig.parameters['value'].kind == inspect.Parameter.POSITIONAL_OR_KEYWORD)
print([str(p.kind) for p in inspect.signature(star).parameters.values()])
print(inspect.isfunction(path), inspect.isfunction(OEList), inspect.isclass(OEList),
      inspect.ismethod(OEList(1).method), inspect.ismethod(path), inspect.ismodule(inspect))
print(inspect.cleandoc("  first\n    b\n      c\n"))
print([n for n, v in inspect.getmembers(OEList) if not n.startswith('__')])
b = inspect.signature(path).bind(1, 'x')
print(b.args, b.kwargs)
code = path.__code__
print(code.co_argcount, code.co_kwonlyargcount, code.co_varnames, code.co_name, code.co_flags & 12)
