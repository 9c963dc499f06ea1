import os
print(os.path.ismount('/'), os.path.ismount('/nonexistent-gobake'))
