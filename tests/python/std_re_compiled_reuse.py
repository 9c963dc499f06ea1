import re
pat = re.compile(r'^(\w+)\s*=\s*"([^"]*)"')
lines = ['A = "1"', 'B="two words"', 'bad line', 'C =  ""']
for l in lines:
    m = pat.match(l)
    print(m.groups() if m else None)
