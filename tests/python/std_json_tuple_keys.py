import json
print(json.dumps((1, 2)))
print(json.dumps({1: 'a', True: 'b', None: 'c'}))
