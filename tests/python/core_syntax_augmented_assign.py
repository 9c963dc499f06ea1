x = 10
x += 5; x -= 3; x *= 2; x //= 5; x %= 3; x **= 3
print(x)
s = "a"
s += "b"
s *= 2
l = [1]
l += [2]
l *= 2
print(s, l)
