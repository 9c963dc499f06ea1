try:
    {[1, 2]: 3}
except TypeError as e:
    print("TypeError", e)
try:
    d = {}
    d[{}] = 1
except TypeError as e:
    print("TypeError", e)
