import textwrap
print(textwrap.shorten('Hello  world!  This is a long sentence.', width=20))
print(textwrap.shorten('short text', width=20))
