print(repr("a\tb\tc".expandtabs()), repr("ab\tc".expandtabs(4)))
