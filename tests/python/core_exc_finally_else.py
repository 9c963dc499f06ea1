def f(x):
    out = []
    try:
        if x:
            raise RuntimeError("boom")
        out.append("body")
    except RuntimeError:
        out.append("except")
    else:
        out.append("else")
    finally:
        out.append("finally")
    return out
print(f(False), f(True))
