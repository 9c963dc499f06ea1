s = "q'uote"
print(str(s), repr(s), str([s]), "%s" % [s])
