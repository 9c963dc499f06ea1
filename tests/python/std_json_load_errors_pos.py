import json
for doc in ['', '[1,]', '{"a" 1}', '{"a": 1,}', '"abc', '[1] [2]', 'tru']:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(repr(doc), '->', e.msg, e.pos)
