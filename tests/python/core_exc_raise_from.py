class Wrapped(Exception):
    pass
try:
    try:
        {}["k"]
    except KeyError as e:
        raise Wrapped("wrapped") from e
except Wrapped as w:
    print(w, type(w.__cause__).__name__)
