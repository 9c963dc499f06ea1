import contextlib, os
with contextlib.suppress(FileNotFoundError):
    os.remove('/nonexistent/gobake/z')
print('ok')
