from contextlib import contextmanager
@contextmanager
def guard():
    try:
        yield
    except ValueError as e:
        print('handled', e)
with guard():
    raise ValueError('boom')
print('after')
