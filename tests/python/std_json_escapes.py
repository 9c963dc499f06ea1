import json
print(json.loads('"\\u00e9\\t\\"q\\" \\/"'))
print(json.dumps('tab\there'))
print(json.loads('"\\ud83d\\ude00"') == '\U0001F600')
