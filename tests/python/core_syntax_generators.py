def gen(n):
    for i in range(n):
        if i % 2:
            yield i * 10
g = gen(6)
print(list(g), list(gen(0)), sum(x for x in range(5)))
def counter():
    n = 0
    while True:
        n += 1
        yield n
c = counter()
print(next(c), next(c), next(c))
