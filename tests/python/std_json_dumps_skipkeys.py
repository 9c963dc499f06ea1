import json
print(json.dumps({'a': 1, (1, 2): 2}, skipkeys=True))
try:
    json.dumps({(1, 2): 2})
except TypeError as e:
    print(e)
