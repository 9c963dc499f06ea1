msg = ("first %s "
       "second %d") % ("a", 2)
print(msg)
