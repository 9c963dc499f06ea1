import bb
import bb.data
import bb.utils

import bb.process
out, err = bb.process.run("echo out; echo err >&2")
print(repr(out), repr(err))
try:
    bb.process.run("echo failing; exit 3")
except bb.process.ExecutionError as e:
    print("ExecutionError", e.exitcode, repr(e.stdout))
out, _ = bb.process.run(["printf", "%s-%s", "a", "b"])
print(out)
