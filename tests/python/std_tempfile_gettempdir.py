import tempfile, os
print(os.path.isdir(tempfile.gettempdir()), tempfile.gettempprefix())
d = tempfile.mkdtemp(dir=tempfile.gettempdir())
print(os.path.dirname(d) == tempfile.gettempdir())
os.rmdir(d)
