import os, errno
try:
    os.stat('/nonexistent/gobake/x')
except OSError as e:
    print(e.errno == errno.ENOENT, e.filename)
try:
    os.stat('/nonexistent/gobake/x')
except FileNotFoundError as e:
    print('FileNotFoundError', e.strerror)
