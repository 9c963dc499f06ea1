import bb
import bb.data
import bb.utils

import bb.runqueue
for tid in ("/path/foo.bb:do_build", "mc:cfg1:/path/foo.bb:do_fetch"):
    print(bb.runqueue.split_tid_mcfn(tid), bb.runqueue.taskname_from_tid(tid), bb.runqueue.fn_from_tid(tid), bb.runqueue.mc_from_tid(tid))
print(bb.runqueue.split_mc("mc:a:target"), bb.runqueue.split_mc("target"))
