# bb.persist_data as Isar's base.bbclass uses it for ISAR_BUILD_UUID: a value stored once
# is read back by later calls (and processes) of the same build directory.
import os
import shutil
import tempfile
import bb.data
import bb.persist_data

d = bb.data.init()
tmp = tempfile.mkdtemp()
d.setVar('PERSISTENT_DIR', os.path.join(tmp, 'cache'))
t = bb.persist_data.persist('BB_ISAR_UUID_DATA', d)
print('uuid' in t, len(t), t.get('uuid'))
if "uuid" not in t or not t["uuid"]:
    t["uuid"] = "8020e135-4b32-40a5-aa4a-cb45deecfd9b"
t2 = bb.persist_data.persist('BB_ISAR_UUID_DATA', d)
print('uuid' in t2, t2['uuid'], len(t2), list(t2), t2.items())
t2['other'] = 'x'
del t2['other']
print(sorted(t2.keys()), os.path.exists(os.path.join(tmp, 'cache', 'bb_persist_data.sqlite3')))
try:
    t2['missing']
except KeyError as e:
    print('KeyError', e)
shutil.rmtree(tmp)
