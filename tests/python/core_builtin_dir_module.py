import sys
names = dir(sys)
print("argv" in names, "path" in names, names == sorted(names))
