# bb.parse.mark_dependency / check_dependency as Isar's imagetypes_wic.bbclass uses them.
import os
import tempfile
import bb.data
import bb.parse

d = bb.data.init()
tmp = tempfile.mkdtemp()
wks = os.path.join(tmp, 'image.wks')
with open(wks, 'w') as f:
    f.write('part / --size 1\n')
bb.parse.mark_dependency(d, wks)
bb.parse.mark_dependency(d, wks)
print(bb.parse.check_dependency(d, wks), bb.parse.check_dependency(d, os.path.join(tmp, 'other')))
print(bb.parse.cached_mtime_noerror(os.path.join(tmp, 'missing')))
os.remove(wks)
os.rmdir(tmp)
