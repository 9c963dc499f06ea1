print(hash(1) == hash(1.0) == hash(True), hash("a") == hash("a"), hash((1, "a")) == hash((1.0, "a")))
print(hash(42), hash(-1) == -2, hash(0))
try:
    hash([])
except TypeError as e:
    print("TypeError", e)
