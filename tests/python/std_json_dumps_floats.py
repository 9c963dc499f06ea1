import json
print(json.dumps([0.5, 1.0, 1e-7, 123456789.0, -2.5e+300]))
print(json.dumps(float('inf')), json.dumps(float('nan')))
try:
    json.dumps(float('inf'), allow_nan=False)
except ValueError as e:
    print('ValueError')
