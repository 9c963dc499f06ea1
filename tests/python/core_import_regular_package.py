import sys
sys.path.insert(0, '_lib')

import regpkg
print(regpkg.PKG, regpkg.greet("bob"))
from regpkg import inner
print(inner.greet("amy"))
