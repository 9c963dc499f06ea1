# A module inside a namespace package (no __init__.py), like a layer's lib/oe.
VALUE = "from-namespace"


def double(x):
    return x * 2
