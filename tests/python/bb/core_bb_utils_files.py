import bb
import bb.data
import bb.utils

import os, tempfile
tmp = tempfile.mkdtemp()
bb.utils.mkdirhier(os.path.join(tmp, "a/b/c"))
bb.utils.mkdirhier(os.path.join(tmp, "a/b/c"))
with open(os.path.join(tmp, "a/f.txt"), "w") as f:
    f.write("content\n")
print(os.path.isdir(os.path.join(tmp, "a/b/c")), bb.utils.md5_file(os.path.join(tmp, "a/f.txt")))
print(bb.utils.sha256_file(os.path.join(tmp, "a/f.txt")))
print(bb.utils.which(os.path.join(tmp, "a") + ":/nonexistent", "f.txt") == os.path.join(tmp, "a/f.txt"))
bb.utils.remove(os.path.join(tmp, "a"), recurse=True)
print(os.path.exists(os.path.join(tmp, "a")))
bb.utils.remove(tmp, recurse=True)
