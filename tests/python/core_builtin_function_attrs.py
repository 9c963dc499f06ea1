# Builtin functions as objects: names, repr, type, and keyword arguments reaching them.
import types
for f in [len, isinstance, sorted, getattr, max, abs, repr]:
    print(repr(f), type(f).__name__, f.__name__, f.__qualname__, f.__module__, callable(f),
          isinstance(f, types.BuiltinFunctionType))
print(sorted([3, 1, 2], reverse=True), sorted(['b', 'A'], key=str.lower), max([1, 5, 2], default=0))
print(min([], default='empty'), print('a', 'b', sep='-', end='!\n'))
print(type(len) is type(abs), len('abc'), isinstance(3, (int, str)))
