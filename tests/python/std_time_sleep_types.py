import time
time.sleep(0)
time.sleep(0.001)
try:
    time.sleep(-1)
except ValueError as e:
    print('ValueError', e)
print(isinstance(time.time_ns(), int), isinstance(time.perf_counter(), float))
