import os
errs = []
print(list(os.walk('/nonexistent-gobake', onerror=lambda e: errs.append(e.errno))))
print(errs)
