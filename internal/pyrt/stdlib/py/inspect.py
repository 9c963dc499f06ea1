"""inspect: introspection of live objects (gobake).

Covers what metadata and layer libraries use: the is* predicates, getmembers,
signature (Parameter/Signature built from a function's code object, as OE's
oe.maketype reads type factories' arguments), getfullargspec, getdoc/cleandoc.
Source and frame access are not available.
"""

import collections

__all__ = ['signature', 'Signature', 'Parameter', 'getmembers', 'getfullargspec',
           'isfunction', 'ismethod', 'isclass', 'ismodule', 'isbuiltin',
           'isroutine', 'isgeneratorfunction', 'iscoroutinefunction', 'getdoc', 'cleandoc',
           'getmro', 'unwrap', 'isabstract']

CO_VARARGS = 4
CO_VARKEYWORDS = 8
CO_GENERATOR = 32
CO_COROUTINE = 128


def ismodule(obj):
    return type(obj).__name__ == 'module'


def isclass(obj):
    return isinstance(obj, type)


def isfunction(obj):
    return type(obj).__name__ == 'function'


def ismethod(obj):
    return hasattr(obj, '__func__') and hasattr(obj, '__self__') and isfunction(obj.__func__)


def isbuiltin(obj):
    return callable(obj) and not isfunction(obj) and not ismethod(obj) and not isclass(obj) \
        and not hasattr(obj, '__call__') or type(obj).__name__ in ('builtin_function_or_method', 'method')


def isroutine(obj):
    return isfunction(obj) or ismethod(obj) or isbuiltin(obj)


def isgeneratorfunction(obj):
    if ismethod(obj):
        obj = obj.__func__
    return isfunction(obj) and bool(obj.__code__.co_flags & CO_GENERATOR)


def iscoroutinefunction(obj):
    if ismethod(obj):
        obj = obj.__func__
    return isfunction(obj) and bool(obj.__code__.co_flags & CO_COROUTINE)


def isabstract(obj):
    return bool(getattr(obj, '__abstractmethods__', False))


def getmro(cls):
    return cls.__mro__


def getmembers(obj, predicate=None):
    results = []
    for key in dir(obj):
        try:
            value = getattr(obj, key)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            results.append((key, value))
    results.sort(key=lambda kv: kv[0])
    return results


def cleandoc(doc):
    lines = doc.expandtabs().split('\n')
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            if margin is None or indent < margin:
                margin = indent
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def getdoc(obj):
    doc = getattr(obj, '__doc__', None)
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def unwrap(func, stop=None):
    seen = set()
    while hasattr(func, '__wrapped__'):
        if stop is not None and stop(func):
            break
        if id(func) in seen:
            raise ValueError('wrapper loop when unwrapping %r' % (func,))
        seen.add(id(func))
        func = func.__wrapped__
    return func


class _ParameterKind(object):
    def __init__(self, value, name, description):
        self.value = value
        self.name = name
        self.description = description

    def __int__(self):
        return self.value

    def __index__(self):
        return self.value

    def __eq__(self, other):
        if isinstance(other, _ParameterKind):
            return self.value == other.value
        if isinstance(other, int):
            return self.value == other
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __lt__(self, other):
        return self.value < int(other)

    def __le__(self, other):
        return self.value <= int(other)

    def __gt__(self, other):
        return self.value > int(other)

    def __ge__(self, other):
        return self.value >= int(other)

    def __hash__(self):
        return hash(self.value)

    def __str__(self):
        return self.name

    def __repr__(self):
        return '<_ParameterKind.%s: %d>' % (self.name, self.value)


_POSITIONAL_ONLY = _ParameterKind(0, 'POSITIONAL_ONLY', 'positional-only')
_POSITIONAL_OR_KEYWORD = _ParameterKind(1, 'POSITIONAL_OR_KEYWORD', 'positional or keyword')
_VAR_POSITIONAL = _ParameterKind(2, 'VAR_POSITIONAL', 'variadic positional')
_KEYWORD_ONLY = _ParameterKind(3, 'KEYWORD_ONLY', 'keyword-only')
_VAR_KEYWORD = _ParameterKind(4, 'VAR_KEYWORD', 'variadic keyword')


class _empty(object):
    """Marker object for Signature.empty and Parameter.empty."""


class Parameter(object):
    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD
    empty = _empty

    def __init__(self, name, kind, default=_empty, annotation=_empty):
        if not isinstance(kind, _ParameterKind):
            raise ValueError('%r is not a valid parameter kind' % (kind,))
        if default is not _empty and kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError('%s parameters cannot have default values' % kind.description)
        if not isinstance(name, str):
            raise TypeError('name must be a str, not a %s' % type(name).__name__)
        if not name.isidentifier():
            raise ValueError('%r is not a valid parameter name' % name)
        self._name = name
        self._kind = kind
        self._default = default
        self._annotation = annotation

    @property
    def name(self):
        return self._name

    @property
    def kind(self):
        return self._kind

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    def replace(self, name=None, kind=None, default=None, annotation=None):
        return Parameter(self._name if name is None else name,
                         self._kind if kind is None else kind,
                         self._default if default is None else default,
                         self._annotation if annotation is None else annotation)

    def __str__(self):
        s = self._name
        if self._annotation is not _empty:
            s = '%s: %s' % (s, _annotation_repr(self._annotation))
        if self._default is not _empty:
            if self._annotation is not _empty:
                s = '%s = %r' % (s, self._default)
            else:
                s = '%s=%r' % (s, self._default)
        if self._kind == _VAR_POSITIONAL:
            s = '*' + s
        elif self._kind == _VAR_KEYWORD:
            s = '**' + s
        return s

    def __repr__(self):
        return '<Parameter "%s">' % (self,)

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind and
                self._default == other._default and self._annotation == other._annotation)

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __hash__(self):
        return hash((self._name, self._kind.value, self._annotation, self._default))


def _annotation_repr(a):
    if isinstance(a, type):
        if a.__module__ == 'builtins':
            return a.__qualname__
        return '%s.%s' % (a.__module__, a.__qualname__)
    return repr(a)


class Signature(object):
    empty = _empty

    def __init__(self, parameters=None, return_annotation=_empty, __validate_parameters__=True):
        params = dict()
        if parameters is not None:
            for p in parameters:
                if p.name in params:
                    raise ValueError('duplicate parameter name: %r' % p.name)
                params[p.name] = p
        self._parameters = params
        self._return_annotation = return_annotation

    @property
    def parameters(self):
        return self._parameters

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, parameters=None, return_annotation=None):
        if parameters is None:
            parameters = list(self._parameters.values())
        if return_annotation is None:
            return_annotation = self._return_annotation
        return Signature(parameters, return_annotation)

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return (self._return_annotation == other._return_annotation and
                list(self._parameters.values()) == list(other._parameters.values()))

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __str__(self):
        result = []
        render_pos_only = False
        render_kw_only = True
        for param in self._parameters.values():
            kind = param.kind
            if kind == _POSITIONAL_ONLY:
                render_pos_only = True
            elif render_pos_only:
                result.append('/')
                render_pos_only = False
            if kind == _VAR_POSITIONAL:
                render_kw_only = False
            elif kind == _KEYWORD_ONLY and render_kw_only:
                result.append('*')
                render_kw_only = False
            result.append(str(param))
        if render_pos_only:
            result.append('/')
        s = '(%s)' % ', '.join(result)
        if self._return_annotation is not _empty:
            s += ' -> %s' % _annotation_repr(self._return_annotation)
        return s

    def __repr__(self):
        return '<Signature %s>' % (self,)

    def bind(self, *args, **kwargs):
        return self._bind(args, kwargs, False)

    def bind_partial(self, *args, **kwargs):
        return self._bind(args, kwargs, True)

    def _bind(self, args, kwargs, partial):
        arguments = dict()
        params = list(self._parameters.values())
        kwargs = dict(kwargs)
        i = 0
        for p in params:
            if p.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                if i < len(args):
                    if p.name in kwargs and p.kind != _POSITIONAL_ONLY:
                        raise TypeError("multiple values for argument '%s'" % p.name)
                    arguments[p.name] = args[i]
                    i += 1
                elif p.name in kwargs and p.kind != _POSITIONAL_ONLY:
                    arguments[p.name] = kwargs.pop(p.name)
                elif p.default is _empty and not partial:
                    raise TypeError("missing a required argument: '%s'" % p.name)
            elif p.kind == _VAR_POSITIONAL:
                if i < len(args):
                    arguments[p.name] = tuple(args[i:])
                    i = len(args)
            elif p.kind == _KEYWORD_ONLY:
                if p.name in kwargs:
                    arguments[p.name] = kwargs.pop(p.name)
                elif p.default is _empty and not partial:
                    raise TypeError("missing a required argument: '%s'" % p.name)
            elif p.kind == _VAR_KEYWORD:
                if kwargs:
                    arguments[p.name] = kwargs
                    kwargs = {}
        if i < len(args):
            raise TypeError('too many positional arguments')
        if kwargs:
            raise TypeError("got an unexpected keyword argument '%s'" % list(kwargs)[0])
        return BoundArguments(self, arguments)


class BoundArguments(object):
    def __init__(self, signature, arguments):
        self.signature = signature
        self.arguments = arguments

    @property
    def args(self):
        out = []
        for p in self.signature.parameters.values():
            if p.kind in (_VAR_KEYWORD, _KEYWORD_ONLY) or p.name not in self.arguments:
                break
            if p.kind == _VAR_POSITIONAL:
                out.extend(self.arguments[p.name])
            else:
                out.append(self.arguments[p.name])
        return tuple(out)

    @property
    def kwargs(self):
        out = {}
        for p in self.signature.parameters.values():
            if p.name not in self.arguments:
                continue
            if p.kind == _VAR_KEYWORD:
                out.update(self.arguments[p.name])
            elif p.kind == _KEYWORD_ONLY:
                out[p.name] = self.arguments[p.name]
        return out


def _function_signature(func, skip_first=False):
    code = func.__code__
    pos_count = code.co_argcount
    kwonly_count = code.co_kwonlyargcount
    names = code.co_varnames
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    annotations = getattr(func, '__annotations__', None) or {}
    first_default = pos_count - len(defaults)
    params = []
    for i in range(pos_count):
        name = names[i]
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(name, _POSITIONAL_OR_KEYWORD, default,
                                annotations.get(name, _empty)))
    n = pos_count
    kwonly = []
    for i in range(kwonly_count):
        name = names[n + i]
        kwonly.append(Parameter(name, _KEYWORD_ONLY, kwdefaults.get(name, _empty),
                                annotations.get(name, _empty)))
    n += kwonly_count
    if code.co_flags & CO_VARARGS:
        name = names[n]
        params.append(Parameter(name, _VAR_POSITIONAL, annotation=annotations.get(name, _empty)))
        n += 1
    params.extend(kwonly)
    if code.co_flags & CO_VARKEYWORDS:
        name = names[n]
        params.append(Parameter(name, _VAR_KEYWORD, annotation=annotations.get(name, _empty)))
    if skip_first:
        if not params or params[0].kind in (_KEYWORD_ONLY, _VAR_KEYWORD):
            raise ValueError('invalid method signature')
        if params[0].kind != _VAR_POSITIONAL:
            params = params[1:]
    return Signature(params, annotations.get('return', _empty))


def _slot_init_signature(skip_first):
    params = [Parameter('args', _VAR_POSITIONAL), Parameter('kwargs', _VAR_KEYWORD)]
    if not skip_first:
        params.insert(0, Parameter('self', _POSITIONAL_ONLY))
    return Signature(params)


def _own_attr(cls, name):
    for base in cls.__mro__:
        if name in base.__dict__:
            return base, base.__dict__[name]
    return None, None


def signature(obj, follow_wrapped=True):
    return _signature(obj, follow_wrapped, False)


def _signature(obj, follow_wrapped, skip_first):
    if not callable(obj):
        raise TypeError('%r is not a callable object' % (obj,))
    if ismethod(obj):
        return _signature(obj.__func__, follow_wrapped, True)
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, '__signature__'))
        if ismethod(obj):
            return _signature(obj.__func__, follow_wrapped, True)
    sig = getattr(obj, '__signature__', None)
    if sig is not None:
        if not isinstance(sig, Signature):
            raise TypeError('unexpected object %r in __signature__ attribute' % (sig,))
        return sig
    if isfunction(obj):
        return _function_signature(obj, skip_first)
    if hasattr(obj, 'func') and hasattr(obj, 'args') and hasattr(obj, 'keywords') \
            and type(obj).__name__ == 'partial':
        sig = _signature(obj.func, follow_wrapped, skip_first)
        params = list(sig.parameters.values())[len(obj.args):]
        out = []
        for p in params:
            if p.name in obj.keywords:
                kind = p.kind
                if kind == _POSITIONAL_OR_KEYWORD:
                    kind = _KEYWORD_ONLY
                out.append(Parameter(p.name, kind, obj.keywords[p.name], p.annotation))
            elif out and out[-1].kind == _KEYWORD_ONLY and p.kind == _POSITIONAL_OR_KEYWORD:
                out.append(Parameter(p.name, _KEYWORD_ONLY, p.default, p.annotation))
            else:
                out.append(p)
        return Signature(out, sig.return_annotation)
    if isclass(obj):
        owner, new = _own_attr(obj, '__new__')
        new = getattr(new, '__func__', new)
        if owner is not None and owner is not object and isfunction(new):
            return _function_signature(new, True)
        owner, init = _own_attr(obj, '__init__')
        if owner is not None and owner is not object and isfunction(init):
            return _function_signature(init, True)
        if all(b is object or b.__module__ != 'builtins' for b in obj.__mro__):
            return Signature([])
        raise ValueError('no signature found for builtin type %r' % (obj,))
    call = getattr(type(obj), '__call__', None)
    if call is not None and isfunction(call):
        return _function_signature(call, True)
    if getattr(obj, '__name__', None) == '__init__':
        return _slot_init_signature(skip_first)
    raise ValueError('no signature found for builtin %r' % (obj,))


_fullargspec = []


def _fullargspec_type():
    # made on first use: the module stays importable whatever namedtuple needs
    if not _fullargspec:
        _fullargspec.append(collections.namedtuple(
            'FullArgSpec', 'args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations'))
    return _fullargspec[0]


def getfullargspec(func):
    if ismethod(func):
        func = func.__func__
    try:
        sig = _signature(func, False, False)
    except Exception as ex:
        raise TypeError('unsupported callable') from ex
    args = []
    varargs = None
    varkw = None
    kwonlyargs = []
    defaults = ()
    kwdefaults = {}
    annotations = {}
    if sig.return_annotation is not _empty:
        annotations['return'] = sig.return_annotation
    for p in sig.parameters.values():
        if p.annotation is not _empty:
            annotations[p.name] = p.annotation
        if p.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            args.append(p.name)
            if p.default is not _empty:
                defaults += (p.default,)
        elif p.kind == _VAR_POSITIONAL:
            varargs = p.name
        elif p.kind == _KEYWORD_ONLY:
            kwonlyargs.append(p.name)
            if p.default is not _empty:
                kwdefaults[p.name] = p.default
        else:
            varkw = p.name
    return _fullargspec_type()(args, varargs, varkw, defaults or None, kwonlyargs,
                       kwdefaults or None, annotations)
