# urllib.parse as BitBake's bb.fetch2.URI uses it.
import urllib.parse
from urllib.parse import urlparse, urlsplit, quote, unquote
for u in ['http://user:pw@Example.com:8080/a/b;p=1?q=2&r=3#frag', 'git://github.com/ilbers/hello.git;protocol=https;branch=master',
          'file://foo.diff', 'file:foo.diff', 'file:///abs/x.patch', 'apt://hello', 'https://[::1]:80/x', 'svn://host/path;module=x',
          'ftp://a.b/c%20d', 'git:relative/path.git']:
    p = urlparse(u)
    print(p)
    print(p.hostname, p.port, p.username, p.password, p.geturl() == u, tuple(urlsplit(u)))
print(quote('/a b/ü~x?'), quote('a&b=c', safe=''), unquote('%41%20b%C3%BC%zz%4'), urllib.parse.quote_plus('a b&c'))
print(urllib.parse.urlencode({'a': '1 2', 'b': 'x&y'}), urllib.parse.parse_qs('a=1&a=2&b=%20'))
print(urllib.parse.urlunparse(('http', 'h', '/p', 'x', 'q=1', 'f')), 'sftp' in urllib.parse.uses_netloc)
try:
    urlparse('http://h:99999/').port
except ValueError as e:
    print(e)
