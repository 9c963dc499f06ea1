print("{!r} {!s} {0!r:>6}".format("a", "b"))
