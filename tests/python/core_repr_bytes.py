print(b"abc", b"it's", b"\x00\xff\n", bytes([65, 66]), b"")
print(repr(b'"'), len(b"ab"))
