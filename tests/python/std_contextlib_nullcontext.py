import contextlib
with contextlib.nullcontext(5) as v:
    print(v)
with contextlib.suppress(KeyError, ValueError):
    raise ValueError('x')
print('suppressed')
