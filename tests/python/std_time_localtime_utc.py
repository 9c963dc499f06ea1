import time
t = time.localtime(0)
print(t.tm_year, t.tm_hour, t.tm_isdst)
print(time.timezone, time.tzname[0])
print(time.strftime('%Y-%m-%d %H:%M:%S %Z', time.localtime(86400)))
