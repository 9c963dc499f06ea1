try:
    sum(["a", "b"])
except TypeError as e:
    print("TypeError")
print(sum([[1], [2]], []))
