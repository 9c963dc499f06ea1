import json
obj = {'name': 'pkg', 'deps': ['a', 'b'], 'ver': [1, 2, 3], 'opt': None}
s = json.dumps(obj, sort_keys=True)
print(s)
print(json.loads(s) == obj)
