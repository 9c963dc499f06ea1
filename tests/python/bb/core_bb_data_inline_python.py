import bb
import bb.data
import bb.utils

d = bb.data.init()
d.setVar("FEATURES", "a b")
d.setVar("X", "${@bb.utils.contains('FEATURES', 'a', 'has-a', 'no-a', d)}")
d.setVar("Y", "${@'-'.join(sorted(d.getVar('FEATURES').split(), reverse=True))}")
print(d.getVar("X"), d.getVar("Y"))
print(d.expand("${@1 + 2} ${@'%s' % 'fmt'}"))
