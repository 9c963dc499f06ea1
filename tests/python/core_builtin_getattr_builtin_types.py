print(getattr("abc", "upper")(), getattr([], "append") is not None, hasattr({}, "items"), hasattr(1, "nope"))
print(str.join("-", ["a", "b"]), str.upper("x"), dict.get({"a": 1}, "a"), list.__name__)
