import io
b = io.BytesIO(b'abc')
print(b.read(2), b.read())
b = io.BytesIO()
b.write(b'xy')
print(b.getvalue())
