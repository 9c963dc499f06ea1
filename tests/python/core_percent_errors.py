try:
    "%d" % "x"
except TypeError as e:
    print("TypeError", e)
try:
    "%s %s" % ("only",)
except TypeError as e:
    print("TypeError", e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print("TypeError", e)
