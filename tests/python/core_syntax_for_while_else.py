for i in range(3):
    if i == 5:
        break
else:
    print("for-else ran")
n = 0
while n < 3:
    n += 1
    if n == 2:
        break
else:
    print("not printed")
print("n =", n)
