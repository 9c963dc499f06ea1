import fnmatch
print(fnmatch.fnmatch('a.b', 'a.b'), fnmatch.fnmatch('axb', 'a.b'))
print(fnmatch.fnmatch('[x]', '[[]x]'))
print(fnmatch.fnmatch('foo/bar', 'foo*'))
print(fnmatch.filter(['linux-image-6.1', 'linux-headers', 'busybox'], 'linux-*'))
