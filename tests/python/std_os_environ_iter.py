import os
os.environ['GB_ITER_Z'] = '1'
os.environ['GB_ITER_A'] = '2'
print(sorted(k for k in os.environ if k.startswith('GB_ITER')))
print(sorted((k, v) for k, v in os.environ.items() if k.startswith('GB_ITER')))
print(len(os.environ) > 0)
