import traceback
try:
    raise ValueError('bad value')
except ValueError:
    s = traceback.format_exc()
print(s.splitlines()[0])
print(s.splitlines()[-1])
print(traceback.format_exception_only(ValueError, ValueError('v')))
