for s in ["123", "abc", "a1", " ", "", "ABC", "Abc", "Title Case"]:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.istitle())
