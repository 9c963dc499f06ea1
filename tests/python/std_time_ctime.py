import time
print(time.ctime(0))
print(time.asctime(time.gmtime(1700000000)))
