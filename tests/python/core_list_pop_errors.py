l = []
try:
    l.pop()
except IndexError as e:
    print("IndexError", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError", e)
try:
    [1, 2].index(5)
except ValueError as e:
    print("ValueError", e)
