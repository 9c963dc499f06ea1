import hashlib
h = hashlib.new('sha256')
h.update('text'.encode('utf-8'))
print(h.hexdigest(), h.name, h.digest_size)
print(len(h.digest()))
