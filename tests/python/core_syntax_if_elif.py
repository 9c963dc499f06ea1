for v in (1, 5, 10):
    if v < 3:
        print(v, "small")
    elif v < 7:
        print(v, "medium")
    else:
        print(v, "large")
