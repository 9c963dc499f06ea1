def f(*args, **kw):
    return len(args), sorted(kw)
args = [1, 2]
kw = {"x": 1}
print(f(*args), f(*args, **kw), f(0, *args), f(**kw))
