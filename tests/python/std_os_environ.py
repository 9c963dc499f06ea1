import os
os.environ['GB_TEST'] = 'one'
print(os.environ['GB_TEST'])
print(os.environ.get('GB_MISSING'), os.environ.get('GB_MISSING', 'dflt'))
print('GB_TEST' in os.environ)
del os.environ['GB_TEST']
print('GB_TEST' in os.environ)
print(os.getenv('GB_TEST', 'gone'))
