print(bool(set()), bool({0}), len({1, 1, 1}))
