from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(list(d), d.pop(), d.popleft())
d.rotate(1)
print(list(d))
m = deque(maxlen=2)
for i in range(5):
    m.append(i)
print(list(m), len(m))
