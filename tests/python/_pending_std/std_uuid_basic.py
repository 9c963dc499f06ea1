import uuid
u = uuid.UUID('12345678-1234-5678-1234-567812345678')
print(u, u.hex, u.int)
print(uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'))
print(len(str(uuid.uuid4())), uuid.uuid4().version)
