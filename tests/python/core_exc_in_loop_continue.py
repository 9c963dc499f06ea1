res = []
for v in ["1", "x", "3"]:
    try:
        res.append(int(v))
    except ValueError:
        res.append(None)
        continue
print(res)
