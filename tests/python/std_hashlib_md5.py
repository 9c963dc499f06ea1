import hashlib
print(hashlib.md5(b'abc').hexdigest())
h = hashlib.md5()
h.update(b'a')
h.update(b'bc')
print(h.hexdigest())
print(hashlib.md5(b'').hexdigest())
