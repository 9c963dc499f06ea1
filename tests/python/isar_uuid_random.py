# uuid as Isar's sbom.bbclass uses it: uuid4() when BB_TASKHASH is unset, and UUID(hex,
# version=4) from a task hash.
import uuid

u = uuid.uuid4()
s = str(u)
print(len(s), s.count('-'), s[14], s[19] in '89ab', u.version, u.variant)
print(uuid.UUID('0123456789abcdef0123456789abcdef', version=4))
b = uuid.UUID(bytes=bytes(range(16)))
print(b, b.int, b.hex)
print(uuid.uuid5(uuid.NAMESPACE_DNS, 'isar.example'), uuid.uuid3(uuid.NAMESPACE_URL, 'http://x'))
n = uuid.getnode() if hasattr(uuid, 'getnode') else 0
print(n > 0)
