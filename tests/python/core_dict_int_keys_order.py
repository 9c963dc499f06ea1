d = {}
for i in [10, 3, 7, 1]:
    d[i] = str(i)
print(d, list(d.values()))
