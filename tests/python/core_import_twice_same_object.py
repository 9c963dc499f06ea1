import sys
sys.path.insert(0, '_lib')

import fmtmod
import fmtmod as again
print(fmtmod is again)
