# A nested function that both captures from its enclosing function (its own name, for
# recursion) and is captured from (its arguments, by a comprehension), like
# add_implied_items in Isar's lists.bbclass.
def add_implied_items(value, mapping):
    def implied_items(item, implied_mapping, seen=None):
        if seen is None:
            seen = set()
        if item in seen:
            return ""
        seen.add(item)
        implied = implied_mapping.get(item, "").split()
        return " ".join(implied + [implied_items(f, implied_mapping, seen) for f in implied])
    return " ".join(implied_items(f, mapping) for f in value.split())


print(repr(add_implied_items("alpha other", {"alpha": "beta", "beta": "gamma"})))


def factory(tag):
    def deco(f):
        def wrapper(*a):
            return tag + str(f(*a))
        return wrapper
    return deco


@factory("#")
def double(x):
    return x * 2


print(double(4))
