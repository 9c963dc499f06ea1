text = "one\ntwo\r\nthree\rfour\n"
print(text.splitlines(), text.splitlines(True), "".splitlines(), "x\n\n".splitlines())
