l = [5, 2, 9, 1]
r = l.sort()
print(r, l)
l.sort(reverse=True)
print(l)
l.sort(key=lambda x: x % 3)
print(l)
