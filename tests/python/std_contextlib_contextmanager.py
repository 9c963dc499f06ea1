from contextlib import contextmanager
@contextmanager
def tag(name):
    print('<%s>' % name)
    yield name.upper()
    print('</%s>' % name)
with tag('b') as v:
    print('inside', v)
