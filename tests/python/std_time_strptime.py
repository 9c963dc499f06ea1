import time
t = time.strptime('2023-11-14 22:13:20', '%Y-%m-%d %H:%M:%S')
print(tuple(t))
print(tuple(time.strptime('Nov 14, 2023', '%b %d, %Y')))
print(tuple(time.strptime('14/11/23', '%d/%m/%y')))
print(tuple(time.strptime('2020 060', '%Y %j'))[:3])
try:
    time.strptime('2023-13-01', '%Y-%m-%d')
except ValueError as e:
    print('ValueError')
