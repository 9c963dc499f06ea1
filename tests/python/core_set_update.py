s = set()
s.update([3, 1], (2,))
s |= {7}
print(sorted(s))
s.difference_update({1, 7})
print(sorted(s))
s.intersection_update([2, 9])
print(s)
