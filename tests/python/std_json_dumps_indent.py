import json
print(json.dumps({'b': 1, 'a': {'x': [1, 2]}}, indent=2))
print(json.dumps([], indent=4), json.dumps({}, indent=4))
print(json.dumps([1, [2]], indent='\t'))
