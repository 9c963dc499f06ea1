import uuid
u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
print(u.version, u.variant, u.urn)
print(uuid.UUID(int=1), uuid.UUID(hex='00' * 16) == uuid.UUID(int=0))
print(repr(uuid.UUID('6ba7b810-9dad-11d1-80b4-00c04fd430c8')))
