print(list("abc"), [c.upper() for c in "xy"], len("naïve"), "naïve"[2])
