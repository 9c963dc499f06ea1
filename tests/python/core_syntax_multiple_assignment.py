a = b = c = []
a.append(1)
print(a, b, c, a is c)
x, y = y_, x_ = 1, 2
print(x, y, x_, y_)
