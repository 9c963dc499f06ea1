print("{0!r} {1!s} {0!r:>6}".format("a", "b"))
