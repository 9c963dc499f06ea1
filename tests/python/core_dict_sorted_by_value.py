scores = {"bob": 3, "amy": 5, "cid": 1, "dan": 5}
print(sorted(scores, key=scores.get))
print(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))
print(max(scores, key=lambda k: scores[k]))
