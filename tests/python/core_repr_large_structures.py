d = {i: [j for j in range(i)] for i in range(5)}
print(d)
print(sorted({str(i): i for i in range(12)}.items())[:4])
