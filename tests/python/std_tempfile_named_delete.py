import tempfile, os
f = tempfile.NamedTemporaryFile()
name = f.name
f.write(b'abc')
f.flush()
print(os.path.exists(name), os.path.getsize(name))
f.close()
print(os.path.exists(name))
