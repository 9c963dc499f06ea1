e = OSError(2, "No such file or directory", "/x")
print(e.errno, e.strerror, e.filename, str(e))
e2 = OSError("plain")
print(e2.errno, e2.args, str(e2))
