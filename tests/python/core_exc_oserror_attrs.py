try:
    open("/nonexistent-dir/file.txt")
except OSError as e:
    print(type(e).__name__, e.errno == 2, e.strerror, e.filename)
    print(str(e))
