import io
s = io.StringIO()
s.write('hello ')
s.write('world\n')
print(repr(s.getvalue()))
r = io.StringIO('a\nb\nc')
print(r.readline(), r.read())
print(list(io.StringIO('x\ny\n')))
