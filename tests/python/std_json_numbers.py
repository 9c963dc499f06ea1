import json
print(json.loads('12345678901234567890'))
print(json.loads('1e3'), json.loads('-0.5'), json.loads('0'))
print(json.dumps(1e20), json.dumps(0.1), json.dumps(-3))
