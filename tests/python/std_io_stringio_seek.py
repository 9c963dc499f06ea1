import io
s = io.StringIO('hello world')
print(s.read(5), s.tell())
s.seek(0)
print(s.readline())
s.seek(6)
s.write('WORLD')
print(s.getvalue())
