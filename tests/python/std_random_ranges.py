import random
vals = [random.random() for _ in range(100)]
print(all(0 <= v < 1 for v in vals))
print(all(1 <= random.randint(1, 6) <= 6 for _ in range(100)))
print(random.choice(['only']))
l = list(range(10))
random.shuffle(l)
print(sorted(l) == list(range(10)))
print(len(random.sample(range(100), 5)))
