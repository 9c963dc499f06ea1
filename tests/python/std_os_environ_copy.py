import os
os.environ['GB_A'] = '1'
e = os.environ.copy()
e['GB_A'] = '2'
print(os.environ['GB_A'], e['GB_A'])
print(type(e).__name__)
