import json
print(json.dumps('caf\u00e9'))
print(json.dumps('caf\u00e9', ensure_ascii=False))
print(json.dumps('\x01'))
