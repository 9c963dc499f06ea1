import bb
import bb.data
import bb.utils

d = bb.data.init()
d.setVar("V", "orig")
c = bb.data.createCopy(d)
c.setVar("V", "changed")
c.setVar("NEW", "n")
print(d.getVar("V"), c.getVar("V"), d.getVar("NEW"), c.getVar("NEW"))
d2 = d.createCopy()
d2.renameVar("V", "W")
print(d2.getVar("V"), d2.getVar("W"), d.getVar("V"))
