import bb
import bb.data
import bb.utils

import bb.parse
for f in ("/x/foo_1.0.bb", "/x/foo.bb", "/x/foo_1.0_r1.bb", "/x/foo_1.0.bbappend", "foo.conf", None):
    print(f, bb.parse.vars_from_file(f, None))

# The same list comes back for a file; too many underscores raise the first time only.
a = bb.parse.vars_from_file("/l/recipes/x_1.0_r1.bb", None)
print(a, a is bb.parse.vars_from_file("/l/recipes/x_1.0_r1.bb", None))
for name in ("/l/a_b_c_d.bb", "/l/a_b_c_d.bb", "/l/.bb", "/l/y.bbappend", "/l/z", "", None):
    try:
        print(repr(name), bb.parse.vars_from_file(name, None))
    except bb.parse.ParseError as e:
        print(repr(name), "ParseError", e)
