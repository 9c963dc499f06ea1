words = ["apple", "bob", "cat", "apple"]
lens = {w: len(w) for w in words}
print(lens)
inv = {v: k for k, v in lens.items()}
print(inv)
sq = {i: i * i for i in range(5) if i % 2 == 0}
print(sq)
