def make():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
f = make()
print(f(), f(), f())
def outer():
    x = "outer"
    def inner():
        return x + "-inner"
    return inner()
print(outer())
