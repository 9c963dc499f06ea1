l = ["a", "b", "c"]
print(l[-1], l[-3])
try:
    l[3]
except IndexError as e:
    print("IndexError", e)
