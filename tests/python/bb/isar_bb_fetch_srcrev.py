# bb.fetch2.get_srcrev as bitbake.conf's SRCPV and Isar's GITPKGV use it: "AUTOINC+" and
# the first 10 characters of the SCM revision; FetchError without an SCM in SRC_URI.
import tempfile
import bb.data
import bb.fetch2

tmp = tempfile.mkdtemp()
d = bb.data.init()
d.setVar('DL_DIR', tmp + '/downloads')
d.setVar('PN', 'hello')
d.setVar('SRC_URI', 'file://a.patch')
try:
    bb.fetch2.get_srcrev(d)
except bb.fetch2.FetchError as e:
    print('FetchError', str(e).strip())
d.setVar('SRC_URI', 'git://github.com/ilbers/hello.git;protocol=https;branch=master file://a.patch')
d.setVar('SRCREV', 'b48d15629667377f544e71c7310b80a71d00d9dd')
print(bb.fetch2.get_srcrev(d), bb.fetch2.get_srcrev(d, 'gitpkgv_revision'))
d.setVar('SRC_URI', 'git://github.com/ilbers/hello.git;protocol=https;branch=master;name=app '
         'git://github.com/ilbers/libhello.git;protocol=https;branch=master;name=lib;destsuffix=lib')
d.setVar('SRCREV_app', '1111111111222222222233333333334444444444')
d.setVar('SRCREV_lib', 'aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd')
d.setVar('SRCREV_FORMAT', 'app_lib')
print(bb.fetch2.get_srcrev(d))
print(bb.fetch2.get_hashvalue(d))
d.setVar('SRCREV_FORMAT', '')
try:
    bb.fetch2.get_srcrev(d)
except bb.fetch2.FetchError as e:
    print('FetchError', str(e).strip().splitlines()[0])
import shutil
shutil.rmtree(tmp)
