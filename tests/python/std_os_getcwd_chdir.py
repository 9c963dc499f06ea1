import os, tempfile
old = os.getcwd()
d = os.path.realpath(tempfile.mkdtemp())
os.chdir(d)
print(os.getcwd() == d)
os.chdir(old)
print(os.getcwd() == old)
os.rmdir(d)
