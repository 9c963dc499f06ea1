print("ab" * 3, 3 * "-", "an" in "banana", "x" not in "abc", "" in "abc")
