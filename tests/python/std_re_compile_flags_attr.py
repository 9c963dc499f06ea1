import re
p = re.compile(r'(?P<x>a)(b)', re.M)
print(p.groups, sorted(p.groupindex.items()) if hasattr(p, 'groupindex') else 'na')
print(p.flags & re.M != 0)
