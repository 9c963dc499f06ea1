import os
print(os.path.join(b'a', b'b'))
print(os.path.basename(b'/x/y'), os.path.dirname(b'/x/y'))
print(os.path.splitext(b'f.txt'))
print(os.path.normpath(b'/a/../b'))
