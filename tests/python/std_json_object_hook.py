import json
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.keys())))
print(json.loads('[1.5]', parse_float=str))
