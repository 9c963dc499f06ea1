import os
print(os.strerror(2))
print(os.strerror(13))
print(os.strerror(17))
