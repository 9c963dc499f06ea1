import hashlib
h = hashlib.sha256(b'prefix')
c = h.copy()
c.update(b'more')
print(h.hexdigest())
print(c.hexdigest())
