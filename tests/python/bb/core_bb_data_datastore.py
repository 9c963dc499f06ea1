import bb
import bb.data
import bb.utils

d = bb.data.init()
d.setVar("A", "a")
d.setVar("B", "${A}-b")
print(d.getVar("B"), d.getVar("B", False), d.getVar("NOPE"))
d.appendVar("A", "1")
d.prependVar("A", "0")
print(d.getVar("A"), d.getVar("B"))
d.setVarFlag("do_x", "task", "1")
d.appendVarFlag("do_x", "deps", " y")
print(d.getVarFlag("do_x", "task"), repr(d.getVarFlag("do_x", "deps")), d.getVarFlag("do_x", "nope"))
d.delVarFlag("do_x", "task")
print(d.getVarFlag("do_x", "task"))
print(d.expand("${A}/${B}/${UNSET}"))
d.delVar("A")
print(d.getVar("A"), d.getVar("B"))
