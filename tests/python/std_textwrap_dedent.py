import textwrap
print(textwrap.dedent('''
    line one
      indented
    line three
'''))
print(repr(textwrap.dedent('  a\n  b')))
