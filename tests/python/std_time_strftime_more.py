import time
t = time.gmtime(1700000000)
print(time.strftime('%H:%M %e %k %C %u %w %D %T %R', t))
print(time.strftime('%U %W %V %G', t))
