import bb
import bb.data
import bb.utils

try:
    bb.fatal("stop here")
except bb.BBHandledException:
    print("BBHandledException")
bb.note("a note")
bb.warn("a warning")
print("done")
