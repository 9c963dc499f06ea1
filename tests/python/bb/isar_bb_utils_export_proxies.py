# bb.utils.export_proxies as Isar's isar_export_proxies returns it into dpkg_runbuild
# (E="${@ isar_export_proxies(d)}"): None, with the proxy variables exported.
import os
import bb.data
import bb.utils
import bb.fetch2

d = bb.data.init()
for v in ('http_proxy', 'HTTPS_PROXY', 'no_proxy', 'GIT_PROXY_COMMAND', 'SSL_CERT_FILE'):
    os.environ.pop(v, None)
d.setVar('http_proxy', 'http://proxy:3128')
d.setVar('no_proxy', 'localhost')
d.setVar('HTTPS_PROXY', '')
print(repr(bb.utils.export_proxies(d)))
print(os.environ.get('http_proxy'), os.environ.get('no_proxy'), os.environ.get('HTTPS_PROXY'))
print(sorted(bb.fetch2.get_fetcher_environment(d)))
