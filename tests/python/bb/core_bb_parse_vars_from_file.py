import bb
import bb.data
import bb.utils

import bb.parse
for f in ("/x/foo_1.0.bb", "/x/foo.bb", "/x/foo_1.0_r1.bb", "/x/foo_1.0.bbappend", "foo.conf", None):
    print(f, bb.parse.vars_from_file(f, None))
