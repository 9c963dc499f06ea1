from collections import defaultdict
d = defaultdict(list)
d['a'].append(1)
d['a'].append(2)
d['b'].append(3)
print(sorted(d.items()))
c = defaultdict(int)
for w in 'a b a c a'.split():
    c[w] += 1
print(sorted(c.items()))
print('zz' in c)
