import json
print(json.dumps({'a': [1, 2]}, separators=(',', ':')))
print(json.dumps({'a': 1}, separators=(', ', ' = ')))
