import re
for v in ['1.2.3', '2.0-rc1', '10.4.1+git', 'abc']:
    m = re.match(r'^(\d+)\.(\d+)(?:\.(\d+))?(.*)$', v)
    print(v, m.groups() if m else None)
