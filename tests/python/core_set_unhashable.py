try:
    {[1]}
except TypeError as e:
    print("TypeError", e)
try:
    set([{}])
except TypeError as e:
    print("TypeError", e)
