import hashlib
try:
    hashlib.md5('str')
except TypeError as e:
    print('TypeError', e)
