d = {"one": 1, "two": 2, "three": 3}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print("%s=%d" % (k, v))
print(list(reversed(list(d))))
