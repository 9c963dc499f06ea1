try:
    assert 1 == 2, "numbers differ"
except AssertionError as e:
    print("AssertionError", e)
try:
    assert False
except AssertionError as e:
    print("empty", repr(str(e)))
