import glob
print(glob.escape('a[b]*?.txt'))
print(glob.has_magic('x*'), glob.has_magic('plain'))
