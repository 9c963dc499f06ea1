# bb.parse.resolve_file as Isar's bootstrap.bbclass uses it for DISTRO_APT_SOURCES: search
# BBPATH, FileNotFoundError when missing, and the paths tried recorded as dependencies.
import os
import shutil
import tempfile
import bb.data
import bb.parse

tmp = tempfile.mkdtemp()
for layer in ('build', 'meta'):
    os.makedirs(os.path.join(tmp, layer, 'conf', 'distro'))
with open(os.path.join(tmp, 'meta', 'conf', 'distro', 'debian-bookworm.list'), 'w') as f:
    f.write('deb http://deb.debian.org/debian bookworm main\n')
d = bb.data.init()
d.setVar('BBPATH', '%s/build:%s/meta' % (tmp, tmp))
found = bb.parse.resolve_file('conf/distro/debian-bookworm.list', d)
print(found[len(tmp):])
for p in ('conf/distro/debian-bookworm.list', 'conf/distro/missing.list'):
    print(bb.parse.check_dependency(d, os.path.join(tmp, 'build', p)), bb.parse.check_dependency(d, os.path.join(tmp, 'meta', p)))
try:
    bb.parse.resolve_file('conf/distro/missing.list', d)
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, str(e).replace(tmp, 'TMP'))
print(bb.parse.check_dependency(d, os.path.join(tmp, 'build', 'conf/distro/missing.list')))
print(bb.parse.resolve_file(found, d) == found)
try:
    bb.parse.resolve_file(os.path.join(tmp, 'nope'), d)
except FileNotFoundError as e:
    print('FileNotFoundError', str(e).replace(tmp, 'TMP'))
shutil.rmtree(tmp)
