import json
print(json.loads('  \n {\n "a" :\t[ 1 , 2 ] } \n'))
try:
    json.loads('{"a": 1} x')
except ValueError as e:
    print(e)
