import hashlib
print(sorted(hashlib.algorithms_guaranteed & {'md5', 'sha1', 'sha256'}))
print(hashlib.new('MD5', b'a').hexdigest())
try:
    hashlib.new('nope')
except ValueError as e:
    print('ValueError', e)
