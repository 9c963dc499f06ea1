import json
try:
    json.loads('{"a": }')
except ValueError as e:
    print('ValueError', e)
try:
    json.loads('[1, 2')
except json.JSONDecodeError as e:
    print(e.msg, e.pos, e.lineno, e.colno)
