import re
# patterns of the kind lib/oe and Isar classes use
print(re.match(r'^([^:]+):(.*)$', 'key: value with: colon').groups())
print(re.sub(r'[^a-zA-Z0-9_-]', '_', 'pkg name+1.0'))
print(re.match(r'(.*)-(\d[^-]*)$', 'libfoo-bar-1.2.3').groups())
print(re.findall(r'\$\{(\w+)\}', '${A} and ${B_C}'))
print(bool(re.match(r'^[a-z0-9][a-z0-9+.-]+$', 'libc6-dev')))
