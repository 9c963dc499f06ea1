for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\tnl\n", "\x00\x7f", "ünï", "back\\slash", "\u2028"]:
    print(repr(s))
