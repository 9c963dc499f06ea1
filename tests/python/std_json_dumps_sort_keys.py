import json
print(json.dumps({'b': 1, 'a': 2, 'c': {'z': 1, 'y': 2}}, sort_keys=True))
print(json.dumps({'b': 1, 'a': 2}, sort_keys=True, indent=1))
