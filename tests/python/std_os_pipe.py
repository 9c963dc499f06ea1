import os
r, w = os.pipe()
os.write(w, b'through pipe')
os.close(w)
print(os.read(r, 100))
os.close(r)
