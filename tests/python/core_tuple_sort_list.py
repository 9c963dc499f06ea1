pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs))
print(sorted(pairs, reverse=True))
print(min(pairs), max(pairs))
