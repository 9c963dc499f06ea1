words = ["pear", "fig", "banana"]
print(min(words), max(words), min(words, key=len), max(words, key=len))
print(min(3, 1, 2), max(3, 1, 2), max([], default="empty"))
try:
    min([])
except ValueError as e:
    print("ValueError", e)
