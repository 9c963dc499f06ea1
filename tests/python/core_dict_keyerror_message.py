d = {"a": 1}
try:
    d["missing"]
except KeyError as e:
    print(repr(e), str(e), e.args)
try:
    d[(1, 2)]
except KeyError as e:
    print(repr(e), str(e))
