# A module using post-3.4 syntax, lowered on import.
def describe(d):
    return f"{len(d)} keys: {', '.join(sorted(d))}" + " %s" % ({**d},)
