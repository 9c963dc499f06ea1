import os
try:
    os.remove('/nonexistent/gobake/y')
except OSError as e:
    print(str(e))
    print(e.args)
