from . import sibling


def greet(n):
    return "hello " + n + sibling.SUFFIX
