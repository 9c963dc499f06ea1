import shlex
print(shlex.join(['echo', 'a b', "c'd"]))
