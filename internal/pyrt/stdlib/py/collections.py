"""collections: container datatypes (gobake)."""
import sys as _sys


_SPECIALS = ('__getitem__', '__setitem__', '__delitem__', '__contains__', '__iter__', '__len__',
             '__bool__', '__eq__', '__ne__', '__repr__', '__lt__', '__hash__', '__reversed__',
             '__enter__', '__exit__', '__next__', '__add__', '__sub__', '__or__', '__and__')


def _own_specials(cls):
    """Copy special methods found on bases into cls itself: runtimes that
    look special methods up on the instance's own class only still see them."""
    for name in _SPECIALS:
        if name in cls.__dict__:
            continue
        for base in cls.__mro__[1:]:
            if base is object:
                break
            if name in base.__dict__:
                setattr(cls, name, base.__dict__[name])
                break
    return cls


try:
    class _DictBase(dict):
        pass
except TypeError:
    class _DictBase(object):
        """A dict stand-in for runtimes where dict cannot be subclassed."""

        def __init__(self, *args, **kwargs):
            self._d = {}
            self.update(*args, **kwargs)

        def __getitem__(self, key):
            return self._d[key]

        def __setitem__(self, key, value):
            self._d[key] = value

        def __delitem__(self, key):
            del self._d[key]

        def __contains__(self, key):
            return key in self._d

        def __iter__(self):
            return iter(list(self._d))

        def __len__(self):
            return len(self._d)

        def __bool__(self):
            return len(self._d) > 0

        def __eq__(self, other):
            if isinstance(other, _DictBase):
                other = other._d
            return self._d == other

        def __ne__(self, other):
            return not self.__eq__(other)

        def __repr__(self):
            return repr(self._d)

        def keys(self):
            return self._d.keys()

        def values(self):
            return self._d.values()

        def items(self):
            return self._d.items()

        def get(self, key, default=None):
            if key in self:
                return self[key]
            return default

        def pop(self, key, *default):
            if key in self._d:
                v = self._d[key]
                del self._d[key]
                return v
            if default:
                return default[0]
            raise KeyError(key)

        def popitem(self):
            if not self._d:
                raise KeyError('popitem(): dictionary is empty')
            k = list(self._d)[-1]
            return k, self.pop(k)

        def setdefault(self, key, default=None):
            if key not in self:
                self[key] = default
            return self[key]

        def update(self, *args, **kwargs):
            for other in args:
                if hasattr(other, 'keys'):
                    for k in other.keys():
                        self[k] = other[k]
                else:
                    for k, v in other:
                        self[k] = v
            for k in kwargs:
                self[k] = kwargs[k]

        def clear(self):
            self._d.clear()

        def copy(self):
            return dict(self._d)

        @classmethod
        def fromkeys(cls, iterable, value=None):
            self = cls()
            for key in iterable:
                self[key] = value
            return self

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList', 'UserString',
           'defaultdict', 'deque', 'namedtuple']


class OrderedDict(_DictBase):
    """Dictionary that remembers insertion order, with move_to_end and popitem(last)."""

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        keys = list(self.keys())
        key = keys[-1] if last else keys[0]
        value = _DictBase.pop(self, key)
        return key, value

    def move_to_end(self, key, last=True):
        value = _DictBase.pop(self, key)
        if last:
            _DictBase.__setitem__(self, key, value)
        else:
            items = list(self.items())
            _DictBase.clear(self)
            _DictBase.__setitem__(self, key, value)
            for k, v in items:
                _DictBase.__setitem__(self, k, v)

    def __repr__(self):
        if not self:
            return '%s()' % (self.__class__.__name__,)
        return '%s(%r)' % (self.__class__.__name__, list(self.items()))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return _DictBase.__eq__(self, other) and list(self) == list(other)
        return _DictBase.__eq__(self, other)

    def __ne__(self, other):
        return not self == other

    def copy(self):
        return self.__class__(self)



class defaultdict(_DictBase):
    """dict subclass that calls a factory function to supply missing values."""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        _DictBase.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __getitem__(self, key):
        if _DictBase.__contains__(self, key):
            return _DictBase.__getitem__(self, key)
        return self.__missing__(key)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        f = self.default_factory
        if f is None:
            fr = 'None'
        elif isinstance(f, type):
            fr = "<class '%s'>" % f.__name__
        else:
            fr = repr(f)
        return 'defaultdict(%s, %s)' % (fr, _DictBase.__repr__(self))

    def copy(self):
        return defaultdict(self.default_factory, self)

    __copy__ = copy


class Counter(_DictBase):
    """dict subclass for counting hashable items."""

    def __init__(self, iterable=None, **kwds):
        _DictBase.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def __getitem__(self, key):
        if _DictBase.__contains__(self, key):
            return _DictBase.__getitem__(self, key)
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        if n is None:
            return items
        return items[:n]

    def elements(self):
        for elem, count in self.items():
            for i in range(count):
                yield elem

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = count + self[elem]
            else:
                for elem in iterable:
                    self[elem] = self[elem] + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self[elem] - count
            else:
                for elem in iterable:
                    self[elem] = self[elem] - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    def __repr__(self):
        if not self:
            return '%s()' % self.__class__.__name__
        items = ', '.join(['%r: %r' % kv for kv in self.most_common()])
        return '%s({%s})' % (self.__class__.__name__, items)

    def __add__(self, other):
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if not _DictBase.__contains__(self, elem) and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if not _DictBase.__contains__(self, elem) and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if not _DictBase.__contains__(self, elem) and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result


class deque(object):
    """list-like sequence with fast appends and pops on either end."""

    def __init__(self, iterable=(), maxlen=None):
        self._items = []
        self.maxlen = maxlen
        self.extend(iterable)

    def _trim_left(self):
        if self.maxlen is not None:
            while len(self._items) > self.maxlen:
                self._items.pop(0)

    def _trim_right(self):
        if self.maxlen is not None:
            while len(self._items) > self.maxlen:
                self._items.pop()

    def append(self, x):
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x):
        self._items.insert(0, x)
        self._trim_right()

    def extend(self, iterable):
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        for x in iterable:
            self.appendleft(x)

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop(0)

    def clear(self):
        del self._items[:]

    def copy(self):
        return deque(self._items, self.maxlen)

    def count(self, x):
        return self._items.count(x)

    def index(self, x, *args):
        return self._items.index(x, *args)

    def insert(self, i, x):
        self._items.insert(i, x)

    def remove(self, value):
        self._items.remove(value)

    def reverse(self):
        self._items.reverse()

    def rotate(self, n=1):
        if not self._items:
            return
        n = n % len(self._items)
        if n:
            self._items[:] = self._items[-n:] + self._items[:-n]

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        return iter(list(self._items))

    def __reversed__(self):
        return reversed(list(self._items))

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __delitem__(self, i):
        del self._items[i]

    def __contains__(self, x):
        return x in self._items

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __repr__(self):
        if self.maxlen is None:
            return 'deque(%r)' % (self._items,)
        return 'deque(%r, maxlen=%d)' % (self._items, self.maxlen)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = tuple(map(str, field_names))
    if rename:
        seen = set()
        names = list(field_names)
        for index, name in enumerate(names):
            if (not name.isidentifier() or name.startswith('_') or name in seen):
                names[index] = '_%d' % index
            seen.add(name)
        field_names = tuple(names)
    for nm in (typename,) + field_names:
        if not isinstance(nm, str):
            raise TypeError('Type names and field names must be strings')
        if not nm.isidentifier():
            raise ValueError('Type names and field names must be valid identifiers: %r' % nm)
    seen = set()
    for nm in field_names:
        if nm.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % nm)
        if nm in seen:
            raise ValueError('Encountered duplicate field name: %r' % nm)
        seen.add(nm)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(field_names[len(field_names) - len(defaults):], defaults))
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = '__main__'
    return _build_namedtuple(typename, field_names, field_defaults, module)


def _build_namedtuple(typename, field_names, field_defaults, module):
    nfields = len(field_names)

    def __init__(self, *args, **kwargs):
        if len(args) > nfields:
            raise TypeError('%s() takes %d positional arguments but %d were given' % (typename, nfields + 1, len(args) + 1))
        values = list(args)
        for name in field_names[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                raise TypeError("%s() missing required argument: '%s'" % (typename, name))
        if kwargs:
            raise TypeError("%s() got an unexpected keyword argument '%s'" % (typename, list(kwargs)[0]))
        object.__setattr__(self, '_values', tuple(values))

    def __getattr__(self, name):
        try:
            i = field_names.index(name)
        except ValueError:
            raise AttributeError("'%s' object has no attribute '%s'" % (typename, name))
        return self._values[i]

    def __setattr__(self, name, value):
        raise AttributeError("can't set attribute")

    def __repr__(self):
        return typename + '(' + ', '.join(['%s=%r' % (n, v) for n, v in zip(field_names, self._values)]) + ')'

    def __getitem__(self, i):
        return self._values[i]

    def __len__(self):
        return nfields

    def __iter__(self):
        return iter(self._values)

    def __eq__(self, other):
        if hasattr(other, '_values'):
            other = other._values
        return self._values == other

    def __ne__(self, other):
        return not __eq__(self, other)

    def __lt__(self, other):
        if hasattr(other, '_values'):
            other = other._values
        return self._values < other

    def __hash__(self):
        return hash(self._values)

    def __contains__(self, x):
        return x in self._values

    def _asdict(self):
        return dict(zip(field_names, self._values))

    def _replace(self, **kwds):
        d = self._asdict()
        for k in kwds:
            if k not in d:
                raise ValueError('Got unexpected field names: %r' % list(kwds))
        d.update(kwds)
        return cls(**d)

    def count(self, x):
        return self._values.count(x)

    def index(self, x):
        return self._values.index(x)

    def _make(iterable):
        return cls(*iterable)

    def __getnewargs__(self):
        return self._values

    ns = {
        '__init__': __init__, '__getattr__': __getattr__, '__setattr__': __setattr__,
        '__repr__': __repr__, '__getitem__': __getitem__, '__len__': __len__,
        '__iter__': __iter__, '__eq__': __eq__, '__ne__': __ne__, '__lt__': __lt__,
        '__hash__': __hash__, '__contains__': __contains__, '_asdict': _asdict,
        '_replace': _replace, 'count': count, 'index': index, '_make': staticmethod(_make),
        '_fields': field_names, '_field_defaults': field_defaults, '__slots__': (),
        '__getnewargs__': __getnewargs__,
    }
    ns['__module__'] = module
    cls = type(typename, (object,), ns)
    return cls


class ChainMap(object):
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        raise KeyError(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            for k in mapping:
                d[k] = None
        return iter(d)

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        del self.maps[0][key]

    def new_child(self, m=None):
        if m is None:
            m = {}
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __repr__(self):
        return '%s(%s)' % (self.__class__.__name__, ', '.join(map(repr, self.maps)))


class UserDict(_DictBase):
    @property
    def data(self):
        return self


class UserList(list):
    @property
    def data(self):
        return self


class UserString(str):
    @property
    def data(self):
        return str(self)


for _cls in (OrderedDict, defaultdict, Counter, UserDict, UserList, UserString, ChainMap, deque):
    _own_specials(_cls)
del _cls
