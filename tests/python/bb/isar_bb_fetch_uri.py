# bb.fetch2.URI as Isar's base.bbclass anonymous function uses it (scheme of each SRC_URI entry).
import bb.fetch2
for u in ['git://github.com/ilbers/hello.git;protocol=https;branch=master', 'file://foo.diff', 'file:foo.diff',
          'file:///abs/x.patch;apply=no', 'http://u:p@Host.example:8080/a%20b/c?x=1&y;name=v;flag',
          'apt://hello', 'https://deb.debian.org/debian/pool/main/h/hello/hello_2.10.orig.tar.gz;sha256sum=abc',
          'git:relative/path.git', 'svn://host/path;module=x;protocol=http']:
    x = bb.fetch2.URI(u)
    print(x.scheme, repr(x.hostname), x.port, repr(x.path), x.relative, dict(x.params), dict(x.query), x.username, x.password, x.hostport, str(x))
x = bb.fetch2.URI()
x.scheme = 'http'
x.hostname = 'example.com'
x.path = '/p q'
x.username = 'me'
x.password = 'pw'
x.params['a'] = 'b'
print(str(x), x.userinfo, x.path_quoted)
