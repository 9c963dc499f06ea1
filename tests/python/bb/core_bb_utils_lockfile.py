import bb
import bb.data
import bb.utils

import os, tempfile
tmp = tempfile.mkdtemp()
lf = bb.utils.lockfile(os.path.join(tmp, "x.lock"))
print(lf is not None, os.path.exists(os.path.join(tmp, "x.lock")))
bb.utils.unlockfile(lf)
bb.utils.remove(tmp, recurse=True)
