import os
os.environ['GB_X'] = 'val'
print(os.path.expandvars('$GB_X/a/${GB_X}/$GB_NOPE'))
