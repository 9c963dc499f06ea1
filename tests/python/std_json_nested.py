import json
data = {'layers': [{'name': 'meta', 'prio': 5}, {'name': 'meta-isar', 'prio': 6}], 'ok': True}
s = json.dumps(data, indent=4, sort_keys=True)
print(s)
print(json.loads(s)['layers'][1]['name'])
