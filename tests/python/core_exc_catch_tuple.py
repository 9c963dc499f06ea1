def f(kind):
    if kind == 1:
        raise ValueError("v")
    if kind == 2:
        raise KeyError("k")
    return "ok"
for k in (0, 1, 2):
    try:
        print(f(k))
    except (ValueError, KeyError) as e:
        print("caught", type(e).__name__)
