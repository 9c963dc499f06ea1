import re
r = re.compile(r'^(?:(\d+):)?([A-Za-z0-9.+~-]+?)(?:-([A-Za-z0-9+.~]+))?$')
for v in ['1:2.3-4', '2.3', '1.0~rc1-1+deb12u1', '0.1-1']:
    print(v, r.match(v).groups())
