import json
class P:
    def __init__(self, x):
        self.x = x
print(json.dumps({'p': P(3)}, default=lambda o: {'x': o.x}))
try:
    json.dumps(P(1))
except TypeError as e:
    print(e)
