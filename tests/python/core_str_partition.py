print("key=value=x".partition("="), "novalue".partition("="), "a/b/c".rpartition("/"), "abc".rpartition("/"))
