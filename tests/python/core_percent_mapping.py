d = {"name": "gobake", "n": 3, "f": 1.5}
print("%(name)s has %(n)d things costing %(f).2f" % d)
print("%(name)r" % d)
