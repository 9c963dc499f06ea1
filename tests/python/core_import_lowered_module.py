import sys
sys.path.insert(0, '_lib')

import fmtmod
print(fmtmod.describe({"b": 1, "a": 2}))
