"""collections.abc: abstract base classes for containers (gobake; isinstance
checks are structural: a class matches when it has the defining methods)."""


class _ABCMeta(type):
    def __instancecheck__(cls, obj):
        if cls.__dict__.get('_required', ()) == ('__call__',):
            # builtin types implement calls in Go, without a __call__ entry
            return callable(obj)
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        if cls in getattr(sub, '__mro__', ()):
            return True
        need = cls.__dict__.get('_required', ())
        if not need:
            return False
        for name in need:
            if not any(name in getattr(b, '__dict__', {}) for b in getattr(sub, '__mro__', (sub,))):
                return False
        return True


def _abc(name, required, bases=(object,)):
    return _ABCMeta(name, bases, {'_required': required})


Hashable = _abc('Hashable', ('__hash__',))
Iterable = _abc('Iterable', ('__iter__',))
Iterator = _abc('Iterator', ('__iter__', '__next__'))
Reversible = _abc('Reversible', ('__reversed__', '__iter__'))
Generator = _abc('Generator', ('send', 'throw', '__next__'))
Sized = _abc('Sized', ('__len__',))
Container = _abc('Container', ('__contains__',))
Callable = _abc('Callable', ('__call__',))
Collection = _abc('Collection', ('__len__', '__iter__', '__contains__'))
Sequence = _abc('Sequence', ('__getitem__', '__len__', 'index', 'count'))
MutableSequence = _abc('MutableSequence', ('__getitem__', '__setitem__', '__len__', 'insert'))
Set = _abc('Set', ('__len__', '__iter__', '__contains__', 'isdisjoint'))
MutableSet = _abc('MutableSet', ('__len__', '__iter__', '__contains__', 'add', 'discard'))
Mapping = _abc('Mapping', ('__getitem__', '__len__', '__iter__', 'keys', 'items', 'get'))
MutableMapping = _abc('MutableMapping', ('__getitem__', '__setitem__', '__delitem__', '__len__', '__iter__', 'keys'))
MappingView = _abc('MappingView', ('__len__',))
KeysView = _abc('KeysView', ('__len__', '__iter__', '__contains__', 'isdisjoint'))
ItemsView = KeysView
ValuesView = _abc('ValuesView', ('__len__', '__iter__', '__contains__'))
