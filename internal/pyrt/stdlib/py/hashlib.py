"""hashlib: secure hashes and message digests (gobake, on Go's crypto)."""
import _hashlib

algorithms_guaranteed = frozenset(_hashlib.algorithms)
algorithms_available = frozenset(_hashlib.algorithms)
__always_supported = _hashlib.algorithms


def new(name, data=b'', **kwargs):
    return _hashlib.new(name, data)


def md5(data=b'', *, usedforsecurity=True, string=None):
    return _hashlib.new('md5', data if string is None else string)


def sha1(data=b'', *, usedforsecurity=True, string=None):
    return _hashlib.new('sha1', data if string is None else string)


def sha224(data=b'', *, usedforsecurity=True, string=None):
    return _hashlib.new('sha224', data if string is None else string)


def sha256(data=b'', *, usedforsecurity=True, string=None):
    return _hashlib.new('sha256', data if string is None else string)


def sha384(data=b'', *, usedforsecurity=True, string=None):
    return _hashlib.new('sha384', data if string is None else string)


def sha512(data=b'', *, usedforsecurity=True, string=None):
    return _hashlib.new('sha512', data if string is None else string)


def file_digest(fileobj, digest, *, _bufsize=2 ** 18):
    if isinstance(digest, str):
        d = new(digest)
    else:
        d = digest()
    while True:
        b = fileobj.read(_bufsize)
        if len(b) == 0:
            break
        d.update(b)
    return d
