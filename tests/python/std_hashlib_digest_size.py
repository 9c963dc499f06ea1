import hashlib
for n in ('md5', 'sha1', 'sha256', 'sha512'):
    h = hashlib.new(n, b'data')
    print(n, h.digest_size, h.block_size, h.hexdigest()[:12])
