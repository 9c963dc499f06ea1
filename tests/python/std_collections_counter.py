from collections import Counter
c = Counter('abracadabra')
print(c.most_common(2))
print(c['a'], c['z'])
c.update('aaz')
print(c['a'], c['z'])
print(sorted(c.elements())[:3])
