import copy
a = {'x': [1, 2, {'y': 3}], 'z': (4, [5])}
b = copy.deepcopy(a)
b['x'][2]['y'] = 30
b['z'][1].append(6)
print(a)
print(b)
c = copy.copy(a)
c['x'].append(7)
print(a['x'][-1], c is a)
l = [1, [2]]
m = copy.copy(l)
m[1].append(3)
print(l)
