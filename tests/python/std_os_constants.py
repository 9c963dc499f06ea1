import os
print(os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, repr(os.linesep), os.devnull, os.name)
print(os.F_OK, os.R_OK, os.W_OK, os.X_OK)
