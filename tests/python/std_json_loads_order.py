import json
d = json.loads('{"z": 1, "a": 2, "m": 3}')
print(list(d.keys()))
print(json.dumps(d))
