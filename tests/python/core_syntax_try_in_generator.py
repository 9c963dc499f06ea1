def safe(values):
    for v in values:
        try:
            yield 10 // v
        except ZeroDivisionError:
            yield None
print(list(safe([1, 0, 5])))
