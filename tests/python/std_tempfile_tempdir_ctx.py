import tempfile, os
with tempfile.TemporaryDirectory() as d:
    open(os.path.join(d, 'f'), 'w').close()
    print(os.path.exists(d))
print(os.path.exists(d))
