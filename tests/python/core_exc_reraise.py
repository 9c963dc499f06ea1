def inner():
    raise ValueError("inner")
try:
    try:
        inner()
    except ValueError:
        print("handling")
        raise
except ValueError as e:
    print("outer", e)
