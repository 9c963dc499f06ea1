print(type(1) is int, type("") is str, type([]) is list, type({}) is dict, type(()) is tuple)
print(type(1.5).__name__, type(None).__name__, type(True).__name__, type(set()).__name__)
