print(len({}), bool({}), bool({0: 0}), len({1: 1, 2: 2}))
