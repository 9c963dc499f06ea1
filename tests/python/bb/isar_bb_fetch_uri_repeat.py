# The same URI string parsed again (base.bbclass parses every SRC_URI entry of every recipe)
# gives an independent object: changing one's params, query or path leaves the next alone.
import bb.fetch2
u = 'https://h.example/p/x.tar.gz;name=a;sha256sum=1?q=1'
a = bb.fetch2.URI(u)
a.params['name'] = 'changed'
a.query['q'] = '2'
a.path = 'rel/path'
b = bb.fetch2.URI(u)
print(str(a), a.relative)
print(str(b), b.relative, dict(b.params), dict(b.query))
for s in ['file://a.patch', 'file://a.patch', 'file:///abs.patch', 'git://h/r.git;branch=x', 'git://h/r.git;branch=x']:
    x = bb.fetch2.URI(s)
    print(x.scheme, x.relative, repr(x.path), repr(x.hostname), dict(x.params), str(x))
try:
    bb.fetch2.URI('http://h:bad/x').port
except ValueError as e:
    print('ValueError', e)
try:
    bb.fetch2.URI('http://h:bad/x')
except ValueError as e:
    print('ValueError again', e)
