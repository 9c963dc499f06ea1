for s in ["abc", "1.5", ""]:
    try:
        int(s)
    except ValueError as e:
        print("ValueError", e)
try:
    float("x")
except ValueError as e:
    print("ValueError", e)
