# oe.reproducible caches a tuple with setVar and unpacks getVar's result, also through
# copies of the datastore (createCopy): BitBake's copies share the object with their parent.
import bb.data

d = bb.data.init()
d.setVar('__CACHED', ('1709565251', '/tmp/epoch'))
c = d.createCopy()
epoch, path = c.getVar('__CACHED')
print(epoch, path)
c.setVar('__CACHED', 'plain')
print(c.getVar('__CACHED'), d.getVar('__CACHED'))
