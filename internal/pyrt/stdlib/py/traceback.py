"""traceback: format and print exceptions (gobake)."""
import sys


def format_exception_only(exc, value=None):
    if value is None and isinstance(exc, BaseException):
        value = exc
    if value is None:
        value = exc
    name = type(value).__name__
    mod = getattr(type(value), '__module__', 'builtins')
    if mod not in ('builtins', '__main__', None):
        name = mod + '.' + name
    s = str(value)
    if s:
        return ['%s: %s\n' % (name, s)]
    return ['%s\n' % name]


def _tb_lines(tb):
    out = []
    while tb is not None:
        try:
            f = tb.tb_frame
            code = f.f_code
            out.append('  File "%s", line %d, in %s\n' % (code.co_filename, tb.tb_lineno, code.co_name))
        except AttributeError:
            pass
        tb = getattr(tb, 'tb_next', None)
    return out


def format_tb(tb, limit=None):
    return _tb_lines(tb)


def format_exception(exc, value=None, tb=None, limit=None, chain=True):
    if isinstance(exc, BaseException) and value is None:
        value = exc
        tb = getattr(exc, '__traceback__', None)
    lines = []
    if tb is not None:
        lines.append('Traceback (most recent call last):\n')
        lines.extend(_tb_lines(tb))
    lines.extend(format_exception_only(type(value), value))
    return lines


def format_exc(limit=None, chain=True):
    info = sys.exc_info()
    if info[0] is None:
        return 'NoneType: None\n'
    return ''.join(format_exception(info[0], info[1], info[2]))


def print_exc(limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    file.write(format_exc())


def print_exception(exc, value=None, tb=None, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    file.write(''.join(format_exception(exc, value, tb)))


def print_stack(f=None, limit=None, file=None):
    pass


def format_stack(f=None, limit=None):
    return []


def extract_stack(f=None, limit=None):
    return []
