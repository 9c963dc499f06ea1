import time
t = time.gmtime(86400 * 365)
print(t[0], t[1], t[2], t[-1])
print(list(t)[:6])
