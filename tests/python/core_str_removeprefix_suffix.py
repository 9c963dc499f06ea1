print("do_compile".removeprefix("do_"), "file.tar.gz".removesuffix(".gz"), "x".removeprefix("y"))
