import io
s = io.StringIO('one\ntwo\nthree')
print(s.readlines())
s = io.StringIO('a\nb\n')
for line in s:
    print(repr(line))
