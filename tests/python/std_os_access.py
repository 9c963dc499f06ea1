import os
print(os.access('/', os.R_OK), os.access('/nonexistent-gobake', os.F_OK))
