import sys
sys.path.insert(0, '_lib')

import nspkg.sub.helper
from nspkg.sub.helper import double
print(nspkg.sub.helper.VALUE, double(21))
import nspkg.plain as pl
print(pl.NAME)
