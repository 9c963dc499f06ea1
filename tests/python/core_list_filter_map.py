print(list(map(str, [1, 2])), list(filter(None, [0, 1, "", "x"])), list(map(lambda a, b: a + b, [1, 2], [10, 20])))
print(list(filter(lambda s: s.startswith("a"), ["ab", "b", "ac"])))
