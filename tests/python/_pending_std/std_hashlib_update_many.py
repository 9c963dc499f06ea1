import hashlib
h = hashlib.sha1()
for part in [b'a', b'b', b'c']:
    h.update(part)
print(h.hexdigest() == hashlib.sha1(b'abc').hexdigest())
print(hashlib.md5(b'x' * 1000).hexdigest())
