import json
print(json.loads('[NaN, Infinity, -Infinity]')[1:])
print(json.loads('true'), json.loads('null'), json.loads('false'))
