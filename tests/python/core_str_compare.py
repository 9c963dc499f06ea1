print("a" < "b", "B" < "a", "abc" < "abd", "ab" < "abc", "Z" > "A", "a" == "a", "a" != "A")
print(sorted(["b10", "b9", "a"]), max("apple", "pear"))
