import json
print(json.dumps({'a': 1, 'b': [1, 2, None], 'c': True, 'd': 1.5, 'e': 'x'}))
print(json.dumps([1, 'two', False]))
print(json.dumps('quote " and \\ and \n'))
print(json.dumps(None), json.dumps(3), json.dumps(2.0))
