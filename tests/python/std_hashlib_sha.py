import hashlib
print(hashlib.sha1(b'abc').hexdigest())
print(hashlib.sha256(b'abc').hexdigest())
print(hashlib.sha512(b'abc').hexdigest())
print(hashlib.sha224(b'abc').hexdigest())
print(hashlib.sha384(b'abc').hexdigest())
