print("a\tb", "line\\n", r"raw\n", "\x41\u00e9", len("\n"))
