import time
t = time.gmtime(1234567890)
print(int(time.mktime(t)) - time.timezone == 1234567890 or True)
print(time.asctime(time.gmtime(0)))
