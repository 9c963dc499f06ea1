import textwrap
print(repr(textwrap.indent('a\n\nb\n', '+ ', lambda line: True)))
print(repr(textwrap.indent('x\ny', '  ')))
