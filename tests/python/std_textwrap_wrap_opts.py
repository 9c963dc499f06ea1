import textwrap
s = 'alpha beta gamma delta epsilon zeta eta theta'
print(textwrap.wrap(s, width=15, initial_indent='* ', subsequent_indent='  '))
print(textwrap.fill('short', width=40))
print(textwrap.wrap('', 10))
