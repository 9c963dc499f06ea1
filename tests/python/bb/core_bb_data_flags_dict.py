import bb
import bb.data
import bb.utils

d = bb.data.init()
d.setVarFlag("T", "b", "2")
d.setVarFlag("T", "a", "1")
flags = d.getVarFlags("T")
print(sorted(flags.items()), d.getVarFlags("NOFLAGS"))
