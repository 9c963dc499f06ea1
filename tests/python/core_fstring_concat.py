a = 1
s = "plain " f"fmt {a} " "end"
print(s)
t = (f"x{a}"
     f"y{a + 1}")
print(t)
