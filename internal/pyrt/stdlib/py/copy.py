"""copy: shallow and deep copy operations (gobake)."""


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, complex, str, bytes, type, range, type(len),
           type(lambda: 0))


def copy(x):
    cls = type(x)
    if isinstance(x, _atomic) or cls is frozenset or cls is tuple:
        return x
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    m = getattr(cls, '__copy__', None)
    if m is not None:
        return m(x)
    if hasattr(x, 'copy') and isinstance(x, (list, dict, set)):
        return x.copy()
    return _reconstruct(x, False, {})


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    cls = type(x)
    if isinstance(x, _atomic):
        return x
    d = id(x)
    if d in memo:
        return memo[d]
    if False:
        pass
    elif cls is list or isinstance(x, list):
        y = cls() if cls is not list else []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = tuple([deepcopy(a, memo) for a in x])
    elif cls is dict or isinstance(x, dict):
        y = cls() if cls is not dict else {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        y = set([deepcopy(a, memo) for a in x])
    elif cls is frozenset:
        y = frozenset([deepcopy(a, memo) for a in x])
    else:
        m = getattr(cls, '__deepcopy__', None)
        if m is not None:
            y = m(x, memo)
        else:
            y = _reconstruct(x, True, memo)
    memo[d] = y
    return y


def _reconstruct(x, deep, memo):
    cls = type(x)
    y = cls.__new__(cls)
    memo[id(x)] = y
    state = getattr(x, '__dict__', None)
    if state:
        for k, v in list(state.items()):
            setattr(y, k, deepcopy(v, memo) if deep else v)
    return y
