def deco(f):
    def wrapper(*a):
        return "<" + str(f(*a)) + ">"
    return wrapper
def register(f):
    register.seen.append(f.__name__)
    return f
register.seen = []
@deco
def one():
    return 1
@register
@deco
def two(x):
    return x * 2
print(one(), two(4), register.seen)
