import time
t = time.gmtime(1700000000)
print(time.strftime('%Y-%m-%d %H:%M:%S', t))
print(time.strftime('%a %A %b %B %j %y %p %I', t))
print(time.strftime('%d/%m/%Y %%', t))
