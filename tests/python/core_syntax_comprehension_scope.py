x = "outer"
l = [x for x in range(3)]
print(x, l)
print({k: [v * 2 for v in range(k)] for k in range(3)})
