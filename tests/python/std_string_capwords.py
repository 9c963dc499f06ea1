import string
print(string.capwords('hello   big world'))
