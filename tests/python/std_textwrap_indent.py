import textwrap
print(textwrap.indent('a\nb\n\nc', '> '))
