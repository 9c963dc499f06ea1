def sign(v):
    return "neg" if v < 0 else "zero" if v == 0 else "pos"
print([sign(v) for v in (-2, 0, 3)])
