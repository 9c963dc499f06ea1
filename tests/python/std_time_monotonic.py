import time
a = time.monotonic()
time.sleep(0.01)
b = time.monotonic()
print(b > a)
print(type(time.time()).__name__)
print(time.time() > 1600000000)
