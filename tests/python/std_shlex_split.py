import shlex
print(shlex.split('a b "c d" \'e f\' g\\ h'))
print(shlex.split('--opt="x y" -v'))
print(shlex.split(''))
print(shlex.split('a "" b'))
