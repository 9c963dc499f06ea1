import re
control = '''Package: foo
Version: 1.0
Depends: libc6 (>= 2.36), bar | baz,
 qux
Description: a test
'''
fields = {}
for m in re.finditer(r'^(\S+):\s*(.*(?:\n .*)*)', control, re.M):
    fields[m.group(1)] = m.group(2)
for k in sorted(fields):
    print(k, repr(fields[k]))
deps = re.split(r'\s*,\s*', fields['Depends'].replace('\n', ''))
print(deps)
