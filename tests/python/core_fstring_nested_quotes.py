d = {"key": "value", "n": [1, 2]}
print(f"{d['key']}", f'{d["n"][1]}', f"{'x' + 'y'}")
print(f'''{d["key"]!r} and {len(d)}''')
