people = [("amy", 30), ("bob", 25), ("cid", 30)]
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: (p[1], p[0])))
