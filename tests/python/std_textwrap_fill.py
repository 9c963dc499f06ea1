import textwrap
s = 'The quick brown fox jumps over the lazy dog and keeps running far away.'
print(textwrap.fill(s, width=20))
print(textwrap.wrap(s, 30))
