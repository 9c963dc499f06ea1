class W(object):
    def __repr__(self):
        return "W()"
    def __str__(self):
        return "w"
w = W()
print(f"{w} {w!r} {w!s} {[w]}")
print(f"{None} {True} {1.0} {[1, 'a']} {(1,)} {{'k': 1}}")
