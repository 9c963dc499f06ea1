import textwrap
print(repr(textwrap.dedent('    a\n      b\n\n    c\n')))
print(repr(textwrap.dedent('\ta\n\tb')))
print(repr(textwrap.dedent('no indent\n  x')))
