import sys
sys.path.insert(0, '_lib')

import fmtmod
print(fmtmod.__name__, fmtmod.__file__.endswith("fmtmod.py"))
import nspkg
print(nspkg.__name__)
