import re
print(re.findall(rb'\d+', b'a1b22'))
print(re.sub(rb'a', b'b', b'banana'))
