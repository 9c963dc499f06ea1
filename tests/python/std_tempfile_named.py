import tempfile, os
with tempfile.NamedTemporaryFile(mode='w', delete=False, suffix='.txt') as f:
    f.write('data')
    name = f.name
print(name.endswith('.txt'), open(name).read())
os.remove(name)
