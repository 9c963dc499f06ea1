import json
d = json.loads('{"a": 1, "b": [true, false, null], "c": "s", "d": 1.5, "e": {"f": -2}}')
print(d['a'], d['b'], d['c'], d['d'], d['e']['f'])
print(sorted(d.keys()))
print(json.loads('[1, 2, 3]'))
print(json.loads('"x\\ny"'))
