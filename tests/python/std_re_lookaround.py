# Lookahead, lookbehind and backreferences run on the backtracking engine (regexp2).
import re
print(re.match(r"\[\s*(\S+=\S+(?=\s))*", "[ arch=amd64 signed-by=x ] deb http://a b c"))
m = re.match(r"\[\s*(\S+=\S+(?=\s))*", "[ arch=amd64 signed-by=x ] deb")
print(m.group(0), m.group(1), m.span(1))
print(re.findall(r"(?<=-)\w+", "a-bc-de f-g"))
print(re.sub(r"(?P<w>\w)(?P=w)", r"<\1>", "aabbcd"))
print(re.search(r"(?P<x>é+)(?!z)", "caféé!").groupdict())
print(re.split(r"(?<=,)", "a,b,c"))
print(re.fullmatch(r"(a+)(?=b)b", "aab").groups())
