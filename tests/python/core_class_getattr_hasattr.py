class O(object):
    x = 1
o = O()
print(getattr(o, "x"), getattr(o, "y", "dflt"), hasattr(o, "x"), hasattr(o, "y"))
setattr(o, "y", 5)
print(o.y, hasattr(o, "y"))
delattr(o, "y")
print(hasattr(o, "y"))
try:
    o.missing
except AttributeError as e:
    print("AttributeError", e)
