import time
t = time.gmtime(951782400)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_yday, t.tm_wday, t.tm_isdst)
print(time.strftime('%Y%m%d%H%M%S', t))
